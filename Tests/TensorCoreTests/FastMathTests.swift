// The vectorisable exp and erf agree with libm across their ranges.
import Foundation
import TensorCore
import Testing

@Test func fastExpAndErfAgreeWithLibm() {
    var worstExp: Float = 0, worstErf: Float = 0
    for i in -8_000...8_000 {
        let x = Float(i) / 100  // −80 … 80
        worstExp = max(worstExp, abs(FastMath.exp(x) - Foundation.exp(x)) / Foundation.exp(x))
        let y = Float(i) / 1_000  // −8 … 8
        worstErf = max(worstErf, abs(FastMath.erf(y) - Foundation.erf(y)))
    }
    #expect(worstExp < 5e-7, "exp relative error \(worstExp)")
    #expect(worstErf < 5e-7, "erf absolute error \(worstErf)")
    #expect(FastMath.exp(-200) >= 0 && FastMath.exp(-200) < 1e-37 && FastMath.exp(200).isFinite)
}
