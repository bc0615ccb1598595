// Branch-free float exp and erf that the compiler can vectorise (libm's scalar calls cannot be),
// for GELU and its derivative. exp: Cody–Waite reduction + degree-7 polynomial (≈1 ulp);
// erf: the rational approximation used by Eigen and XLA on [−4, 4] (error ≈ 1e-7).

/// Vectorisable approximations of `exp` and `erf` for Float.
public enum FastMath {
    /// e^x for x in about [−87, 88] (clamped outside: no infinities, no denormals).
    @inlinable @inline(__always)
    public static func exp(_ x: Float) -> Float {
        let clamped = Swift.min(Swift.max(x, -87.3), 88.3)
        let magic: Float = 12_582_912  // 1.5·2²³: adding it rounds to an integer kept in the low bits
        let shifted = clamped * 1.442_695_04 + magic
        let n = shifted - magic
        let r = clamped - n * 0.693_145_751_953_125 - n * 1.428_606_765_330_187e-6
        var p: Float = 1.0 / 5040
        p = p * r + 1.0 / 720
        p = p * r + 1.0 / 120
        p = p * r + 1.0 / 24
        p = p * r + 1.0 / 6
        p = p * r + 0.5
        p = p * r + 1
        p = p * r + 1
        let exponent = (shifted.bitPattern &- magic.bitPattern) &+ 127
        return p * Float(bitPattern: exponent &<< 23)
    }

    /// erf(x); exactly ±1 beyond |x| = 4 where Float cannot tell the difference anyway.
    @inlinable @inline(__always)
    public static func erf(_ x: Float) -> Float {
        let x = Swift.min(Swift.max(x, -4), 4)
        let x2 = x * x
        var p: Float = -2.726_142_258_013_06e-10
        p = p * x2 + 2.770_681_424_959_02e-08
        p = p * x2 - 2.101_024_020_825_08e-06
        p = p * x2 - 5.692_506_394_623_46e-05
        p = p * x2 - 7.349_906_303_268_55e-04
        p = p * x2 - 2.954_599_808_540_25e-03
        p = p * x2 - 1.609_603_332_624_15e-02
        var q: Float = -1.456_607_184_649_96e-05
        q = q * x2 - 2.133_740_552_789_05e-04
        q = q * x2 - 1.682_826_974_382_03e-03
        q = q * x2 - 7.373_329_167_204_68e-03
        q = q * x2 - 1.426_473_905_141_89e-02
        return x * p / q
    }
}
