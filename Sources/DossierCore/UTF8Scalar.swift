/// One scalar from the UTF-8 bytes of a valid `String`, for readers that walk bytes and meet a
/// multi-byte scalar.
public enum UTF8Scalar {
    /// How many bytes the scalar has that `lead` (0x80 or above) starts.
    @inlinable
    public static func length(lead: UInt8) -> Int { lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2 }

    /// The scalar of `bytes`: a lead byte and its continuation bytes.
    @inlinable
    public static func decode(_ bytes: some Collection<UInt8>) -> Unicode.Scalar? {
        guard let lead = bytes.first else { return nil }
        var value = UInt32(lead) & (0x7F >> UInt32(length(lead: lead)))
        for next in bytes.dropFirst() { value = value << 6 | UInt32(next & 0x3F) }
        return Unicode.Scalar(value)
    }
}
