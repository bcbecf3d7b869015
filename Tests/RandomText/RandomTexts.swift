/// Random texts for tests that compare a fast reader with its definition: each text is 1 to 64 pieces
/// drawn from `alphabet`, and the same seed gives the same texts.
public struct RandomTexts: Sequence, IteratorProtocol {
    private let alphabet: [String]
    private var state: UInt64
    private var remaining: Int

    public init(alphabet: [String], seed: UInt64, count: Int = 3000) {
        self.alphabet = alphabet
        state = seed
        remaining = alphabet.isEmpty ? 0 : count
    }

    public mutating func next() -> String? {
        guard remaining > 0 else { return nil }
        remaining -= 1
        var text = ""
        step()
        for _ in 0..<(Int(state >> 58) + 1) {
            step()
            text += alphabet[Int(state >> 33) % alphabet.count]
        }
        return text
    }

    /// A 64-bit linear congruential step (Knuth's MMIX constants).
    private mutating func step() {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    }
}
