extension ExportPreset {
    /// The CFPB consumer complaint database, as its CSV download (`Complaint ID`, `Date received`,
    /// `Submitted via`, `Product`, `Issue`, `Sub-issue`, `Consumer complaint narrative`,
    /// `Company response to consumer`, `Tags`) or its API (`complaint_id`, `date_received`, `submitted_via`,
    /// `product`, `issue`, `sub_issue`, `complaint_what_happened`, `company_response`). There is no customer
    /// id and no closing date. The date order is left to the data: the database writes ISO dates, older
    /// downloads `03/14/2024`, and files re-saved by a spreadsheet `14-03-2024`; a sample settles each.
    ///
    /// - `Issue` is the category, `Sub-issue` the subject, `Product` the queue (the line of business).
    /// - Channels (`Submitted via`): `Postal mail` and `Fax` are letters, `Web Referral` web, `Referral`
    ///   (sent on by another agency: the consumer's channel is unknown) other.
    /// - Status (`Company response to consumer`): every `Closed ...` response is closed, `In progress`
    ///   open, `Untimely response` open (the company has not answered).
    public static let cfpb = ExportPreset(
        name: "cfpb",
        summary: "CFPB consumer complaint database (CSV download or API)",
        mapping: [
            .contactID: ["Complaint ID", "complaint_id"], .openedAt: ["Date received", "date_received"],
            .channel: ["Submitted via", "submitted_via"], .category: ["Issue", "issue"],
            .subject: ["Sub-issue", "sub_issue"], .queue: ["Product", "product"],
            .text: ["Consumer complaint narrative", "complaint_what_happened"],
            .status: ["Company response to consumer", "company_response"], .tags: ["Tags", "tags"],
        ],
        channelValues: [
            "postal mail": .letter, "fax": .letter, "web referral": .web, "referral": .other,
        ],
        statusValues: [
            "closed with explanation": .closed, "closed with monetary relief": .closed,
            "closed with non-monetary relief": .closed, "closed with relief": .closed,
            "closed without relief": .closed, "closed": .closed, "in progress": .open, "untimely response": .open,
        ])
}
