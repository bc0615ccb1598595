// The three C shims link and answer: OpenBLAS multiplies, libpq and SQLite report versions.
import CBLAS
import CLibPQ
import CSQLite
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
