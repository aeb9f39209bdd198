/// The simulation behind `SyntheticExport`: produces contacts in time order, one at a time, from a seed.
///
/// How it works:
/// - **Volume and seasonality.** The period is cut into hours. Each hour gets a weight: weekday
///   (Monday busiest, weekend a third) x hour of day (UTC, peaking in Finnish office hours) x a daily noise
///   factor (85-115 %) x a gentle growth trend (+10 % over the period). The row count is split over the hours
///   in proportion to the weights by cumulative rounding, so the total is exact. Within an hour, contacts
///   fall on uniformly random seconds (a 3,600-slot histogram, so they come out sorted).
/// - **Customers.** A heavy-tailed mix: 70 % of new problems come from anyone in the customer base, 20 %
///   from the 5 % "regulars" and 10 % from the 0.2 % "heavy users". Customer numbers are scrambled by a
///   bijection, so heavy users are not simply the lowest numbers. A customer's language (about 35 % Finnish)
///   is a fixed function of the customer and the seed.
/// - **Repeats.** A contact schedules a follow-up with probability 27 % (12 % for a follow-up itself, 2 %
///   for praise) after 30 minutes to 7 days. When a follow-up is due, the next contact slot is used for it:
///   same customer, same topic, often another channel (35 % keep the channel, the rest draw from the channel
///   mix, which keeps the overall mix as configured). About 23 % of all rows are follow-ups.
/// - **Outcome.** Handle time is log-normal around a per-channel median. A contact is closed after a
///   channel-dependent resolution time; if that lies after the end of the period it is still `open` or
///   `pending` (so open tickets gather near the end), and 1.2 % stay pending anyway. Surveys are answered
///   for about 22 % of closed first contacts and 12 % of closed follow-ups, with lower scores for follow-ups
///   and complaints.
///
/// Every random choice is drawn from one `SeededGenerator` in a fixed order, so output depends only on the
/// configuration.
struct ContactSimulator {
    /// The channels in the order of `channelWeights` and `handleTimeMedians`.
    static let channels: [Channel] = [.phone, .email, .chat, .web, .social, .messaging, .selfService]
    /// Channel mix in percent: phone 30, email 30, chat 20, web 8, social 5, messaging 4, self-service 3.
    static let channelWeights = [30, 30, 20, 8, 5, 4, 3]
    /// Median handle time in seconds per channel; 0 means no agent handles it (self-service).
    static let handleTimeMedians = [360, 480, 600, 300, 240, 420, 0]
    /// Relative volume per UTC hour of day.
    static let hourWeights = [
        2, 1, 1, 1, 2, 6, 14, 30, 42, 46, 44, 42, 44, 42, 38, 30, 22, 16, 14, 12, 10, 8, 5, 3,
    ]
    /// Relative volume per ISO weekday, Monday first.
    static let weekdayWeights = [120, 110, 105, 100, 90, 40, 35]
    /// Quantiles (per mille) of a log-normal with median 1 and sigma 0.6 at 0/64 ... 64/64 (tails capped):
    /// a handle time is a median times an interpolated entry. Integer table, so no `exp`/`log` from the
    /// platform's maths library enters the output.
    static let logNormalPerMille = [
        189, 275, 327, 366, 398, 427, 453, 478, 501, 524, 546, 567, 587, 608, 628, 647, 667, 687, 706, 726, 746,
        766, 786, 806, 826, 847, 867, 888, 910, 932, 954, 977, 1000, 1024, 1048, 1073, 1099, 1126, 1153, 1181,
        1211, 1241, 1273, 1306, 1341, 1377, 1415, 1456, 1499, 1545, 1593, 1646, 1703, 1765, 1833, 1909, 1994,
        2092, 2205, 2341, 2510, 2733, 3058, 3641, 5302,
    ]
    /// The number of agents (`agent01` ... `agent40`).
    static let agentCount = 40

    private var generator: SeededGenerator
    private let seed: UInt64
    private let start: Int64
    /// The end of the period and the moment the export is taken.
    private let end: Int64
    private let customerCount: Int
    private let customerMultiplier: Int
    private let customerOffset: Int
    private let families = TopicCatalog.families
    /// The queue index of each family (queues numbered in order of first appearance).
    let familyQueue: [Int]
    /// The distinct queue names.
    let queues: [String]
    private let familyTable: WeightedTable
    private let channelTable: WeightedTable
    private let hourCounts: [Int]

    private var hour = -1
    private var secondOfHour = 3599
    private var remainingInSecond = 0
    private var histogram = [UInt32](repeating: 0, count: 3600)
    private var followUps = FollowUpQueue()
    private var scheduled = 0
    private var ticket = 0

    /// A simulator for a configuration that `validate()` accepted.
    init(configuration: SyntheticExportConfiguration) {
        seed = configuration.seed
        generator = SeededGenerator(seed: configuration.seed)
        start = configuration.startEpochSeconds
        end = start + Int64(configuration.spanDays) * 86_400
        let customerCount = configuration.effectiveCustomerCount
        self.customerCount = customerCount
        // A prime that does not divide the customer count makes `index * multiplier mod count` a bijection.
        customerMultiplier =
            [1_000_003, 15_485_863, 2_147_483_647].first { customerCount % $0 != 0 } ?? 1
        customerOffset = Int(SeededGenerator.mix64(configuration.seed ^ 0xC057) % UInt64(customerCount))

        var queues: [String] = []
        var familyQueue: [Int] = []
        for family in TopicCatalog.families {
            if let index = queues.firstIndex(of: family.queue) {
                familyQueue.append(index)
            } else {
                familyQueue.append(queues.count)
                queues.append(family.queue)
            }
        }
        self.queues = queues
        self.familyQueue = familyQueue
        familyTable = WeightedTable(TopicCatalog.families.map(\.weight))
        channelTable = WeightedTable(ContactSimulator.channelWeights)
        hourCounts = ContactSimulator.distribute(
            rows: configuration.rows, start: start, days: configuration.spanDays, generator: &generator)
    }

    /// Splits `rows` over the hours of the period in proportion to their seasonal weights; the counts sum
    /// to exactly `rows`.
    private static func distribute(rows: Int, start: Int64, days: Int, generator: inout SeededGenerator)
        -> [Int]
    {
        let startDay = start >= 0 ? start / 86_400 : (start - 86_399) / 86_400
        let startHour = Int((start - startDay * 86_400) / 3600)
        var weights: [Int] = []
        weights.reserveCapacity(days * 24)
        for day in 0..<days {
            let noise = 85 + generator.uniform(31)
            let trend = 100 + day * 10 / days
            for hourOfDay in 0..<24 {
                // The weekday and hour of this slot as a clock would show them, even for an odd start time.
                let absoluteHour = startHour + day * 24 + hourOfDay
                let weekday = Int((startDay + 3 + Int64(absoluteHour / 24)) % 7)  // 1970-01-01 was a Thursday
                let weight =
                    weekdayWeights[(weekday + 7) % 7] * hourWeights[absoluteHour % 24] * noise * trend
                weights.append(weight)
            }
        }
        let total = weights.reduce(0, +)
        var counts: [Int] = []
        counts.reserveCapacity(weights.count)
        var cumulative = 0
        var assigned = 0
        for weight in weights {
            cumulative += weight
            let product = rows.multipliedFullWidth(by: cumulative)
            let upTo = total.dividingFullWidth(product).quotient
            counts.append(upTo - assigned)
            assigned = upTo
        }
        return counts
    }

    /// The next contact in time order, or `nil` after the configured number of rows.
    mutating func next() -> SyntheticContact? {
        while remainingInSecond == 0 {
            secondOfHour += 1
            if secondOfHour >= 3600 {
                guard advanceHour() else { return nil }
            }
            remainingInSecond = Int(histogram[secondOfHour])
        }
        remainingInSecond -= 1
        ticket += 1
        let time = start + Int64(hour * 3600 + secondOfHour)
        return makeContact(at: time)
    }

    /// Moves to the next hour with contacts and spreads its contacts over its seconds; `false` at the end.
    private mutating func advanceHour() -> Bool {
        while true {
            hour += 1
            guard hour < hourCounts.count else { return false }
            let count = hourCounts[hour]
            guard count > 0 else { continue }
            for index in 0..<3600 { histogram[index] = 0 }
            for _ in 0..<count { histogram[generator.uniform(3600)] &+= 1 }
            secondOfHour = 0
            return true
        }
    }

    private mutating func makeContact(at time: Int64) -> SyntheticContact {
        var customer: Int
        var family: Int
        var channel: Int
        var phrasing: Int
        var depth: Int
        let isFollowUp: Bool
        if let due = followUps.first, due.due <= time, let followUp = followUps.removeFirst() {
            isFollowUp = true
            customer = followUp.customer
            family = Int(followUp.family)
            depth = Int(followUp.depth)
            channel = generator.chance(perMille: 350) ? Int(followUp.channel) : channelTable.pick(using: &generator)
            phrasing = generator.chance(perMille: 400) ? Int(followUp.phrasing) : -1
        } else {
            isFollowUp = false
            customer = pickCustomer()
            family = familyTable.pick(using: &generator)
            channel = channelTable.pick(using: &generator)
            phrasing = -1
            depth = 0
        }
        let topic = families[family]
        let isFinnish = SeededGenerator.mix64(UInt64(customer) &+ seed &* 0x9E37_79B9_7F4A_7C15) % 100 < 35
        let phrasings = isFinnish ? topic.finnish.count : topic.english.count
        if phrasing < 0 || phrasing >= phrasings { phrasing = generator.uniform(phrasings) }

        scheduleFollowUp(
            after: time, customer: customer, family: family, phrasing: phrasing, channel: channel, depth: depth,
            sentiment: topic.sentiment)

        let decoration = decorate(isVague: topic.isVague, isFollowUp: isFollowUp, channel: channel)
        var contact = SyntheticContact(
            ticket: ticket, openedAt: time, closedAt: nil, customerNumber: customerNumber(customer),
            channel: channel, family: family, phrasing: phrasing, isFinnish: isFinnish, decoration: decoration,
            status: .open, handleTime: nil, csat: nil, agent: nil, isFollowUp: isFollowUp)
        settle(&contact, sentiment: topic.sentiment)
        return contact
    }

    /// Heavy-tailed: anyone (70 %), a regular from the first 5 % (20 %), a heavy user from the first 0.2 %.
    private mutating func pickCustomer() -> Int {
        let tier = generator.uniform(100)
        if tier < 70 { return generator.uniform(customerCount) }
        if tier < 90 { return generator.uniform(max(1, customerCount / 20)) }
        return generator.uniform(max(1, customerCount / 500))
    }

    /// The customer's written number: a bijection of `0..<customerCount` onto `1...customerCount`.
    private func customerNumber(_ index: Int) -> Int {
        (index * customerMultiplier % customerCount + customerOffset) % customerCount + 1
    }

    private mutating func scheduleFollowUp(
        after time: Int64, customer: Int, family: Int, phrasing: Int, channel: Int, depth: Int,
        sentiment: TopicFamily.Sentiment
    ) {
        let perMille = sentiment == .praise ? 20 : (depth == 0 ? 270 : 120)
        guard generator.chance(perMille: perMille) else { return }
        let delay: Int
        switch generator.uniform(100) {
        case 0..<35: delay = generator.uniform(in: 1800...21_600)  // 30 minutes to 6 hours
        case 35..<70: delay = generator.uniform(in: 21_600...172_800)  // 6 to 48 hours
        default: delay = generator.uniform(in: 172_800...604_800)  // 2 to 7 days
        }
        let due = time + Int64(delay)
        guard due < end else { return }
        scheduled += 1
        followUps.insert(
            FollowUpQueue.FollowUp(
                due: due, sequence: scheduled, customer: customer, family: UInt8(family),
                phrasing: UInt8(phrasing), channel: UInt8(channel), depth: UInt8(min(depth + 1, 255))))
    }

    /// 1 % comma suffixes, 0.4 % quoted subjects (a quoting reply on e-mail and web, an agent's note
    /// elsewhere) and 0.5 % line breaks; otherwise a reply prefix on half the e-mail and web follow-ups,
    /// else a detail on 30 % (on follow-ups, mostly one saying the customer is asking again). Vague subjects
    /// stay as they are.
    private mutating func decorate(isVague: Bool, isFollowUp: Bool, channel: Int) -> SyntheticContact.Decoration {
        guard !isVague else { return .none }
        let roll = generator.uniform(10_000)
        if roll < 100 {
            return .commaSuffix(variant: generator.uniform(3), number: 1_000_000 + generator.uniform(9_000_000))
        }
        let isWritten = ContactSimulator.channels[channel] == .email || ContactSimulator.channels[channel] == .web
        if roll < 140 { return isWritten ? .quotedReply : .quotedCustomer }
        if roll < 190 {
            return .lineBreakSuffix(variant: generator.uniform(2), number: 1_000_000 + generator.uniform(9_000_000))
        }
        if isFollowUp && isWritten && generator.chance(perMille: 500) { return .replyPrefix }
        if generator.chance(perMille: 300) {
            let mentionsEarlier = isFollowUp && generator.chance(perMille: 600)
            return .detail(variant: mentionsEarlier ? 4 + generator.uniform(2) : generator.uniform(4))
        }
        return .none
    }

    /// Handle time, resolution, status, agent and survey answer.
    private mutating func settle(_ contact: inout SyntheticContact, sentiment: TopicFamily.Sentiment) {
        let median = ContactSimulator.handleTimeMedians[contact.channel]
        var handle: Int? = nil
        if median > 0 {
            var seconds = median * logNormalDraw() / 1000
            if contact.isFollowUp { seconds = seconds * 6 / 5 }
            handle = max(15, seconds)
        }
        let resolution = resolutionDelay(channel: ContactSimulator.channels[contact.channel], handle: handle ?? 0)
        let stuck = generator.chance(perMille: 12)
        let agent = (familyQueue[contact.family] * 3 + generator.uniform(10)) % ContactSimulator.agentCount + 1
        let closedAt = contact.openedAt + Int64(resolution)
        if stuck || closedAt > end {
            let channel = ContactSimulator.channels[contact.channel]
            let synchronous = channel == .phone || channel == .chat || channel == .selfService
            if synchronous || generator.chance(perMille: 400) {
                contact.status = .pending
                contact.handleTime = handle
                contact.agent = handle == nil ? nil : agent
            } else {
                contact.status = .open
            }
            return
        }
        contact.closedAt = closedAt
        contact.status = generator.chance(perMille: 700) ? .solved : .closed
        contact.handleTime = handle
        contact.agent = handle == nil ? nil : agent
        let responsePerMille = contact.isFollowUp ? 120 : 220
        guard generator.chance(perMille: responsePerMille) else { return }
        let scores: [Int]  // per mille for scores 1...5
        switch sentiment {
        case .complaint: scores = [350, 250, 200, 120, 80]
        case .praise: scores = [10, 10, 30, 150, 800]
        case .neutral: scores = contact.isFollowUp ? [200, 160, 200, 240, 200] : [60, 60, 100, 300, 480]
        }
        var roll = generator.uniform(1000)
        var score = 5
        for (index, share) in scores.enumerated() {
            if roll < share {
                score = index + 1
                break
            }
            roll -= share
        }
        contact.csat = score
    }

    /// One draw from the log-normal quantile table, in per mille of the median.
    private mutating func logNormalDraw() -> Int {
        let bits = generator.next()
        let index = Int(bits >> 58)
        let fraction = Int((bits >> 26) & 0xFFFF)
        let low = ContactSimulator.logNormalPerMille[index]
        let high = ContactSimulator.logNormalPerMille[index + 1]
        return low + ((high - low) * fraction) >> 16
    }

    /// Seconds from opening to closing, by channel: synchronous channels mostly close with the
    /// conversation, written channels take hours to days.
    private mutating func resolutionDelay(channel: Channel, handle: Int) -> Int {
        let roll = generator.uniform(100)
        switch channel {
        case .phone:
            return roll < 80 ? handle + generator.uniform(601) : generator.uniform(in: 3600...259_200)
        case .chat, .messaging, .social:
            return roll < 75 ? handle + generator.uniform(901) : generator.uniform(in: 3600...172_800)
        case .selfService:
            return roll < 90 ? generator.uniform(in: 30...300) : generator.uniform(in: 3600...86_400)
        default:
            if roll < 50 { return generator.uniform(in: 1800...28_800) }
            if roll < 90 { return generator.uniform(in: 28_800...259_200) }
            return generator.uniform(in: 259_200...864_000)
        }
    }
}
