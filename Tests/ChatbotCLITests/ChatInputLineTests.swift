// Parsing a chat input line into a message or a slash command.
import ChatbotCLI
import Foundation
import Testing

@Test(arguments: [
    ("hello", ChatInputLine.message("hello")),
    ("  where is my order?  ", .message("where is my order?")),
    ("", .empty),
    ("   ", .empty),
    ("/help", .help),
    ("/good", .rate(good: true)),
    ("/BAD", .rate(good: false)),
    ("/intent order_status", .intent("order_status")),
    ("/reply Your parcel left today.", .reply("Your parcel left today.")),
    ("/new", .newConversation),
    ("/quit", .quit),
    ("/intent", .invalid("usage: /intent NAME")),
    ("/reply   ", .invalid("usage: /reply TEXT")),
    ("/dance", .invalid("unknown command /dance (try /help)")),
    ("//etc/passwd is a file", .message("/etc/passwd is a file")),
    ("ça va? 😤", .message("ça va? 😤")),
])
func linesParse(line: String, expected: ChatInputLine) {
    #expect(ChatInputLine(line) == expected)
}

@Test func longLinesStayWhole() {
    let long = String(repeating: "where is my order ", count: 2000).trimmingCharacters(in: .whitespaces)
    #expect(ChatInputLine(long) == .message(long))
}
