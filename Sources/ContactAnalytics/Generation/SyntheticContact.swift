/// One generated contact before it is written as a CSV row. Indices refer to `ContactSimulator`'s channel
/// list and `TopicCatalog.families`.
struct SyntheticContact {
    /// The ticket status written to the `status` column (help-desk vocabulary, as Zendesk writes it).
    enum Status: UInt8 {
        case open, pending, solved, closed

        /// The column text.
        var name: String {
            switch self {
            case .open: "open"
            case .pending: "pending"
            case .solved: "solved"
            case .closed: "closed"
            }
        }
    }

    /// Extra text around the subject phrasing: what makes reply prefixes, order numbers, commas, quotes
    /// and line breaks appear in subjects.
    enum Decoration {
        case none
        /// `Re: ` (English) or `VS: ` (Finnish) before the subject.
        case replyPrefix
        /// A suffix starting with a comma, e.g. `, order 1234567`; `variant` picks the text.
        case commaSuffix(variant: Int, number: Int)
        /// `Re: "subject"` / `VS: "subject"`: a reply quoting the subject (e-mail and web).
        case quotedReply
        /// `Customer: "subject"` / `Asiakas: "subject"`: an agent's note quoting the customer (other channels).
        case quotedCustomer
        /// A detail after ` - `, e.g. ` - please call me back today`; `variant` picks the text (4 and 5 only
        /// make sense for follow-ups: "second time asking").
        case detail(variant: Int)
        /// A second line after an LF, e.g. `Order number 1234567`; `variant` picks the text.
        case lineBreakSuffix(variant: Int, number: Int)
    }

    var ticket: Int
    var openedAt: Int64
    var closedAt: Int64?
    /// The customer's number as written (`C` + digits), 1-based and scrambled.
    var customerNumber: Int
    var channel: Int
    var family: Int
    var phrasing: Int
    var isFinnish: Bool
    var decoration: Decoration
    var status: Status
    /// Seconds; `nil` when no agent has handled the contact (open tickets, self-service).
    var handleTime: Int?
    /// 1-5, or `nil` without a survey response.
    var csat: Int?
    /// 1-40, or `nil` when unassigned.
    var agent: Int?
    /// `true` when the customer is coming back about an earlier contact's problem.
    var isFollowUp: Bool
}
