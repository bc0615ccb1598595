// Entry point of the `chatbot` executable: all behaviour lives in ChatbotCLI.
import ArgumentParser
import ChatbotCLI

ChatbotCommand.main()
