/// UTF-8 bytes appended piece by piece into memory of its own, for a template's output:
/// appending to `[UInt8]` went through the array's generic path for every tag of every page
/// (its uniqueness and capacity checked, about 90 instructions a piece before the copy).
struct ByteBuffer: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// How many bytes there are.
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        let total = count + bytes.count
        if total > capacity { grow(to: total) }
        (base + count).initialize(from: source, count: bytes.count)
        count = total
    }

    mutating func append(_ byte: UInt8) {
        if count == capacity { grow(to: count + 1) }
        base[count] = byte
        count += 1
    }

    /// Appends the UTF-8 bytes of a string.
    mutating func append(utf8 text: String) {
        text.withBytes { append($0) }
    }

    /// `body`'s result for the bytes, where they are.
    func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        body(UnsafeBufferPointer(start: base, count: count))
    }

    /// The bytes from `start` on, as an array.
    func bytes(from start: Int = 0) -> [UInt8] {
        Array(UnsafeBufferPointer(start: base + start, count: count - start))
    }

    /// Forgets the bytes from `start` on.
    mutating func removeBytes(from start: Int) {
        count = min(count, max(start, 0))
    }

    /// Room for at least `needed` bytes, twice the capacity when that is more.
    private mutating func grow(to needed: Int) {
        let larger = max(needed, capacity * 2)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        moved.initialize(from: base, count: count)
        base.deallocate()
        base = moved
        capacity = larger
    }
}
