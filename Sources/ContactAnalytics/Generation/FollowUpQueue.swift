/// The contacts a customer will make later about a problem they already contacted about, ordered by when
/// they are due: a binary min-heap keyed by (due time, scheduling order), so ties resolve deterministically.
///
/// Its size is bounded by the contacts scheduled within the longest follow-up delay (a week), not by the
/// length of the export.
struct FollowUpQueue {
    /// One scheduled return of a customer.
    struct FollowUp {
        /// When the customer comes back (epoch seconds).
        var due: Int64
        /// The order of scheduling; breaks ties between equal `due` times.
        var sequence: Int
        /// The customer's index in the customer base.
        var customer: Int
        /// The topic family, the phrasing and the channel of the contact being followed up.
        var family: UInt8
        var phrasing: UInt8
        var channel: UInt8
        /// How many contacts about this problem came before this one (1 for the first follow-up).
        var depth: UInt8

        @inline(__always)
        func precedes(_ other: FollowUp) -> Bool {
            due < other.due || (due == other.due && sequence < other.sequence)
        }
    }

    private var heap: [FollowUp] = []

    /// The earliest due follow-up, if any.
    var first: FollowUp? { heap.first }

    /// Adds `followUp`.
    mutating func insert(_ followUp: FollowUp) {
        heap.append(followUp)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].precedes(heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    /// Removes and returns the earliest due follow-up, or `nil` when empty.
    mutating func removeFirst() -> FollowUp? {
        guard let top = heap.first else { return nil }
        let last = heap.removeLast()
        guard !heap.isEmpty else { return top }
        heap[0] = last
        var parent = 0
        let count = heap.count
        while true {
            let left = 2 * parent + 1
            guard left < count else { break }
            var smallest = left
            let right = left + 1
            if right < count && heap[right].precedes(heap[left]) { smallest = right }
            guard heap[smallest].precedes(heap[parent]) else { break }
            heap.swapAt(smallest, parent)
            parent = smallest
        }
        return top
    }
}
