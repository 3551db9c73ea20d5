import Dispatch
import Foundation

/// Runs independent pieces of work on several threads and returns their results in input order,
/// so what a build produces never depends on how many threads it had.
public enum Parallel {
    /// The threads work uses unless told otherwise: one per active processor.
    public static var defaultThreads: Int { ProcessInfo.processInfo.activeProcessorCount }

    /// `items.map(transform)`, the items shared out among up to `threads` threads as each
    /// becomes free. With one thread, or one item, it is a plain `map` on the calling thread.
    /// `transform` must be safe to call from several threads at once.
    static func map<T, R>(_ items: [T], threads: Int, _ transform: (T) -> R) -> [R] {
        let workers = min(max(threads, 1), items.count)
        guard workers > 1 else { return items.map(transform) }
        var results = [R?](repeating: nil, count: items.count)
        let next = Counter()
        withoutActuallyEscaping(transform) { transform in
            results.withUnsafeMutableBufferPointer { buffer in
                // Each index is taken by one thread only, so each slot is written once, by one thread.
                let work = Unchecked((items: items, slots: buffer.baseAddress!, transform: transform))
                DispatchQueue.concurrentPerform(iterations: workers) { _ in
                    let (items, slots, transform) = work.value
                    while case let index = next.take(), index < items.count {
                        slots[index] = transform(items[index])
                    }
                }
            }
        }
        return results.map { $0! }
    }

    /// Drops `value` on a background thread: freeing what a run built (the arrays of every text,
    /// every translation, every node) then costs the run little wall time, and a process that
    /// exits first never pays for it at all. Or, in a process that says it exits when its work is
    /// done (`keepsReleasedValuesUntilExit`), keeps it until then. Pass the last reference
    /// (`release(consume value)`), or the caller's copy frees it after all.
    public static func release<T: Sendable>(_ value: consuming T) {
        release(value, keepingUntilExit: keepsReleasedValuesUntilExit)
    }

    /// `release`, told whether to keep the value until the process exits.
    static func release<T: Sendable>(_ value: consuming T, keepingUntilExit: Bool) {
        let kept = Kept(value)
        if keepingUntilExit {
            // One reference that is never given back: the value lives until the exit.
            _ = Unmanaged.passRetained(kept)
        } else {
            DispatchQueue.global(qos: .utility).async { kept.drop() }
        }
    }

    /// Whether `release` keeps what it is handed until the process exits, instead of freeing it.
    /// The command line sets this as it starts, as its process exits when the command is done:
    /// the exit hands all of its memory back at once, where freeing the content object by object
    /// was 5–7 % of a large build's CPU, on a thread that took a processor from the writing
    /// (S=1000 build 0.93–0.95 × and validate 0.97 × the wall time without it, 1–2 MB more at the peak).
    /// A process that goes on (the tests, another program using GuideKit) leaves it off.
    public static var keepsReleasedValuesUntilExit: Bool {
        get { exitFlag.value }
        set { exitFlag.value = newValue }
    }

    private static let exitFlag = Flag()

    /// A flag any thread may read or set.
    private final class Flag: @unchecked Sendable {
        private let lock = NSLock()
        private var stored = false

        var value: Bool {
            get { lock.withLock { stored } }
            set { lock.withLock { stored = newValue } }
        }
    }

    /// A value worked out the first time it is asked for, by the thread that asks; a thread that
    /// asks meanwhile waits for it.
    final class Deferred<Value: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var make: (@Sendable () -> Value)?
        private var made: Value?

        init(_ make: @escaping @Sendable () -> Value) { self.make = make }

        var value: Value {
            lock.lock()
            defer { lock.unlock() }
            if let made { return made }
            let value = make!()
            made = value
            make = nil
            return value
        }
    }

    /// A value held until `drop()`, so its last reference goes on the thread that drops it.
    private final class Kept<T: Sendable>: @unchecked Sendable {
        private var value: T?
        init(_ value: consuming T) { self.value = consume value }
        func drop() { value = nil }
    }

    /// A value handed to the threads of `concurrentPerform`, which the callers above make safe to
    /// share (each thread writes places no other thread touches).
    private struct Unchecked<Value>: @unchecked Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    /// Hands out 0, 1, 2 … to whichever thread asks.
    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0

        func take() -> Int {
            lock.lock()
            defer { lock.unlock() }
            value += 1
            return value - 1
        }
    }
}
