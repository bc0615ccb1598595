// Tests of FileFormatError: problem formatting and ordering.
import FileFormats
import Testing

@Test func problemsReadAsFileColonLineColonMessage() {
    let problem = FileFormatError.Problem(file: "intents/a.yaml", line: 14, message: "bad")
    #expect(problem.description == "intents/a.yaml:14: bad")
    #expect(FileFormatError.Problem(file: "x.csv", line: nil, message: "gone").description == "x.csv: gone")
}

@Test func errorSortsProblemsByFileThenLineAndPrintsOnePerLine() {
    let error = FileFormatError(.invalidData, problems: [
        .init(file: "b.yaml", line: 2, message: "two"),
        .init(file: "a.yaml", line: 9, message: "nine"),
        .init(file: "a.yaml", line: 3, message: "three"),
    ])
    #expect(error.description == "a.yaml:3: three\na.yaml:9: nine\nb.yaml:2: two")
    #expect(error.code == .invalidData)
    #expect(error.code != .io)
}
