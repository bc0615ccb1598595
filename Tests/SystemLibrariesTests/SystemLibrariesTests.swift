// The C shims link and answer: OpenBLAS multiplies, libpq and SQLite report versions, libedit
// keeps a history.
import CBLAS
import CEditLine
import CLibPQ
import CSQLite
import Foundation
import Testing

@Test func openBLASMultipliesTwoByTwoMatrices() {
    let a: [Float] = [1, 2, 3, 4]
    let b: [Float] = [5, 6, 7, 8]
    var c = [Float](repeating: 0, count: 4)
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, 2, 2, 2, 1, a, 2, b, 2, 0, &c, 2)
    #expect(c == [19, 22, 43, 50])
}

@Test func libpqReportsAVersionOfAtLeastFifteen() {
    #expect(PQlibVersion() >= 150_000)
}

@Test func sqliteReportsVersionThree() {
    #expect(sqlite3_libversion_number() >= 3_035_000)
    #expect(sqlite3_threadsafe() != 0)
}

@Test func libeditKeepsAHistory() {
    using_history()
    let before = historyLength()
    add_history("where is my order")
    #expect(historyLength() == before + 1)
}

private func historyLength() -> Int32 {
    guard let state = history_get_history_state() else { return -1 }
    defer { free(state) }
    return state.pointee.length
}
