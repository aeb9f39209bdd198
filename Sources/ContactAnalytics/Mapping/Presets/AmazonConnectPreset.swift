extension ExportPreset {
    /// Amazon Connect contact records: the contact search CSV (`Contact id`, `Initiation timestamp`,
    /// `Disconnect timestamp`, `Channel`, `Initiation method`, `Queue`, `Agent`, `Customer phone number`,
    /// `Agent interaction duration`) or contact trace records from the API or a Kinesis stream (`ContactId`,
    /// `InitiationTimestamp`, `DisconnectTimestamp`, `Channel`, `InitiationMethod`, `Queue.Name`,
    /// `Agent.Username`, `CustomerEndpoint.Address`, `Agent.AgentInteractionDuration`). The time in queue
    /// (`Queue duration`, `Queue.Duration`) is the wait time; the records carry no answered flag (an abandoned
    /// contact is one without an agent), so abandon rate and service level need `--map answered=COLUMN`.
    ///
    /// - Channels: `VOICE` phone, `CHAT` chat, `EMAIL` email, `TASK` internal (work items the
    ///   organisation's flows and agents create, not customer demand).
    /// - Initiation methods: `INBOUND`, `API` and `WEBRTC_API` are the customer's contacts; `OUTBOUND`,
    ///   `EXTERNAL_OUTBOUND`, `AGENT_REPLY` are the organisation's own, and `TRANSFER`, `QUEUE_TRANSFER`,
    ///   `CALLBACK`, `DISCONNECT`, `MONITOR`, `FLOW` further legs of a contact already counted: all of these
    ///   are excluded and counted as outbound.
    public static let amazonConnect = ExportPreset(
        name: "amazon-connect",
        summary: "Amazon Connect contact records (contact search CSV or contact trace records)",
        mapping: [
            .contactID: ["Contact id", "ContactId"],
            .openedAt: ["Initiation timestamp", "InitiationTimestamp"],
            .closedAt: ["Disconnect timestamp", "DisconnectTimestamp"], .channel: ["Channel"],
            .inbound: ["Initiation method", "InitiationMethod"], .queue: ["Queue", "Queue.Name"],
            .agent: ["Agent", "Agent.Username"],
            .phone: ["Customer phone number", "Customer endpoint address", "CustomerEndpoint.Address"],
            .handleTime: ["Agent interaction duration", "Agent.AgentInteractionDuration"],
            .waitTime: ["Queue duration", "Queue.Duration"],
        ],
        channelValues: ["voice": .phone, "chat": .chat, "email": .email, "task": .internal],
        inboundValues: [
            "INBOUND": true, "API": true, "WEBRTC_API": true, "OUTBOUND": false, "EXTERNAL_OUTBOUND": false,
            "AGENT_REPLY": false, "TRANSFER": false, "QUEUE_TRANSFER": false, "CALLBACK": false,
            "DISCONNECT": false, "MONITOR": false, "FLOW": false,
        ])
}
