// libedit's readline-compatible line editor and history (Debian libedit-dev), seen through
// pkg-config `libedit`; only `chatbot chat` uses it.
#include <stdio.h>
#include <editline/readline.h>
