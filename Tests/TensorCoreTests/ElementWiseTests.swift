// Element-wise add, multiply and scale, in place and returning.
import TensorCore
import Testing

@Test func addMultiplyAndScaleWorkInPlaceAndReturning() {
    let a = Tensor(shape: [2, 2], scalars: [1, 2, 3, 4])
    let b = Tensor(shape: [2, 2], scalars: [0.5, -1, 2, 0])
    #expect(a.adding(b).scalars == [1.5, 1, 5, 4])
    #expect(a.multiplying(b).scalars == [0.5, -2, 6, 0])
    #expect(a.scaled(by: -2).scalars == [-2, -4, -6, -8])
    var c = a
    c.add(b)
    c.multiply(b)
    c.scale(by: 2)
    #expect(c.scalars == [1.5, -2, 20, 0])
    #expect(a.scalars == [1, 2, 3, 4], "returning forms leave the original alone")
}
