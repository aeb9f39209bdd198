extension ExportPreset {
    /// GLPI ticket export, with its Portuguese, English or French column names: `ID`, `Título`/`Title`/`Titre`,
    /// `Data de abertura`/`Opening date`/`Date d'ouverture`, `Data de solução`/`Resolution date` (else
    /// `Data de fechamento`/`Closing date`), `Status`, `Origem da requisição`/`Request source`, `Categoria`/
    /// `Category`, `Requerente`/`Requester`, `Técnico`/`Technician`, `Grupo técnico`/`Technician group`.
    /// The REST API's ticket objects: `id`, `name`, `date`, `solvedate` (else `closedate`), `status` (1-6),
    /// `requesttypes_id` (1-6), `content`.
    ///
    /// - Request sources: `Helpdesk` (GLPI's own portal) is web, `Direct` in person, `Written` (and
    ///   `Escrito`, `Écrit`) a letter; `E-Mail`, `Phone`, `Other` as their names say. The API's
    ///   `requesttypes_id` codes of a default installation: 1 Helpdesk, 2 E-Mail, 3 Phone, 4 Direct,
    ///   5 Written, 6 Other.
    /// - Statuses: New, Processing (assigned), Processing (planned) are open, Pending pending, Solved
    ///   resolved, Closed closed (and the codes 1 to 6, and the Portuguese and French names).
    public static let glpi = ExportPreset(
        name: "glpi",
        summary: "GLPI ticket export (Portuguese, English or French columns)",
        mapping: [
            .contactID: ["ID"], .subject: ["Título", "Title", "Titre", "name"],
            .openedAt: ["Data de abertura", "Opening date", "Date d'ouverture", "date"],
            .closedAt: ["Data de solução", "Resolution date", "Date de résolution", "solvedate", "Data de fechamento",
                        "Closing date", "Date de clôture", "closedate"],
            .status: ["Status", "Statut"],
            .channel: ["Origem da requisição", "Request source", "Source de la demande", "requesttypes_id"],
            .category: ["Categoria", "Category", "Catégorie"], .customer: ["Requerente", "Requester", "Demandeur"],
            .agent: ["Técnico", "Technician", "Technicien"],
            .queue: ["Grupo técnico", "Technician group", "Groupe de techniciens"],
            .text: ["Descrição", "Description", "content"],
        ],
        channelValues: [
            "helpdesk": .web, "direct": .inPerson, "direto": .inPerson, "written": .letter, "escrito": .letter,
            "écrit": .letter, "telefone": .phone, "téléphone": .phone, "outro": .other, "autre": .other,
            "1": .web, "2": .email, "3": .phone, "4": .inPerson, "5": .letter, "6": .other,
        ],
        statusValues: [
            "1": .open, "2": .open, "3": .open, "4": .pending, "5": .resolved, "6": .closed,
            "processing (assigned)": .open, "processing (planned)": .open, "novo": .open,
            "em atendimento (atribuído)": .open, "em atendimento (planejado)": .open, "pendente": .pending,
            "solucionado": .resolved, "fechado": .closed, "nouveau": .open, "en cours (attribué)": .open,
            "en cours (planifié)": .open, "en attente": .pending, "résolu": .resolved, "clos": .closed,
        ])
}
