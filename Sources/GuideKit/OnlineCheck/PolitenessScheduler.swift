/// Grants request slots so that at most `maxConcurrency` requests are in flight overall, at most
/// `maxPerHost` to one host, and two requests to one host start at least `minimumInterval` apart.
///
/// Waiters are served first come, first served among those that may start; a waiter blocked by its
/// host never holds up a waiter for another host. Each waiter has a deadline: past it, `acquire`
/// returns false instead of a slot.
actor PolitenessScheduler {
    private struct Waiter {
        let host: String
        let deadline: ContinuousClock.Instant
        let continuation: CheckedContinuation<Bool, Never>
    }

    let maxConcurrency: Int
    let maxPerHost: Int
    let minimumInterval: Duration
    private let clock = ContinuousClock()

    private var waiters: [Waiter] = []
    private var active = 0
    private var activeByHost: [String: Int] = [:]
    /// When the next request to each host may start.
    private var nextStart: [String: ContinuousClock.Instant] = [:]
    /// The wake-up already scheduled, so pending timers are not multiplied.
    private var scheduledWake: ContinuousClock.Instant?

    /// What the scheduler did, so tests can see politeness exactly rather than through network jitter.
    struct Record: Sendable {
        /// When each host was granted a slot, in order.
        var grants: [String: [ContinuousClock.Instant]] = [:]
        /// The most slots held at once, overall and per host.
        var peakActive = 0
        var peakActiveByHost: [String: Int] = [:]
    }

    private(set) var record = Record()

    init(maxConcurrency: Int, maxPerHost: Int, minimumInterval: Duration) {
        self.maxConcurrency = max(1, maxConcurrency)
        self.maxPerHost = max(1, maxPerHost)
        self.minimumInterval = max(.zero, minimumInterval)
    }

    /// Waits for a slot for `host`; true once granted (call `release(host:)` after the request),
    /// false when `deadline` passed first.
    func acquire(host: String, deadline: ContinuousClock.Instant) async -> Bool {
        await withCheckedContinuation { continuation in
            waiters.append(Waiter(host: host, deadline: deadline, continuation: continuation))
            pump()
        }
    }

    func release(host: String) {
        active -= 1
        activeByHost[host, default: 1] -= 1
        if activeByHost[host] == 0 { activeByHost[host] = nil }
        pump()
    }

    /// Grants every waiter that may start now, fails those past their deadline, and schedules a
    /// wake-up for the earliest moment something else may change without a release.
    private func pump() {
        let now = clock.now
        var stillWaiting: [Waiter] = []
        var wake: ContinuousClock.Instant?
        for waiter in waiters {
            if waiter.deadline <= now {
                waiter.continuation.resume(returning: false)
                continue
            }
            let hostActive = activeByHost[waiter.host, default: 0]
            let allowedAt = nextStart[waiter.host] ?? now
            let hasSlot = active < maxConcurrency && hostActive < maxPerHost
            if hasSlot && allowedAt <= now {
                active += 1
                activeByHost[waiter.host] = hostActive + 1
                nextStart[waiter.host] = now + minimumInterval
                record.grants[waiter.host, default: []].append(now)
                record.peakActive = max(record.peakActive, active)
                record.peakActiveByHost[waiter.host] = max(record.peakActiveByHost[waiter.host] ?? 0, hostActive + 1)
                waiter.continuation.resume(returning: true)
                continue
            }
            stillWaiting.append(waiter)
            // A release wakes slot waiters; only the interval and the deadline need a timer.
            var next = waiter.deadline
            if hasSlot { next = min(next, allowedAt) }
            wake = min(wake ?? next, next)
        }
        waiters = stillWaiting
        if let wake, scheduledWake.map({ wake < $0 }) ?? true {
            scheduledWake = wake
            // The task runs on this actor: the timer fires in isolation, without an extra hop.
            Task { [clock] in
                try? await Task.sleep(until: wake, clock: clock)
                self.timerFired(wake)
            }
        }
    }

    private func timerFired(_ instant: ContinuousClock.Instant) {
        if scheduledWake == instant { scheduledWake = nil }
        pump()
    }
}
