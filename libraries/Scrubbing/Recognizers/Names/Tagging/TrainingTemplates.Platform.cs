namespace SlmPlatform.Scrubbing.Recognizers.Tagging;

/// <summary>
/// Text in the shapes the platform captures: agents' system prompts and user turns, support e-mails, tickets and CRM
/// notes, tool-call arguments printed as JSON, and chat typed in lower case or capitals. Written from scratch for
/// this corpus; literal braces are doubled (<c>{{</c>, <c>}}</c>).
/// </summary>
internal static partial class TrainingTemplates
{
    public static readonly string[] AgentPrompts =
    [
        "You are a support assistant for {ORG}. The customer is {PER}; greet them by first name.",
        "You are a travel planner. The traveller, {PER}, lives in {CITY} and wants to visit {COUNTRY} in {MONTH}.",
        "System: You help staff of {ORG} file expenses.\nUser: I'm {PER} from {DEPT}, I paid {MONEY} for a taxi in {CITY}.",
        "Summarise the ticket below for the account manager, {PER}.",
        "Draft a reply to {PER} confirming delivery to {ADDR}.",
        "Classify the intent: \"hi, {lowerFIRST} here, my card was declined at {ORG} in {CITY}\"",
        "Book a meeting between {PER} and {PER} at the {ORG} office in {CITY}.",
        "Find three restaurants near {STREET}, {CITY}, open after {TIME}.",
        "Write a welcome note for our new hire {PER}, who joins the {DEPT} team in {CITY} on {DAY}.",
        "The user is {FIRST}, a {JOB} at {ORG}. Answer in {LANG} and keep it short.",
        "Context: customer {PER} (account {NUM}) called from {CITY} about a double charge.",
        "Check the forecast for {CITY} and tell {FIRST} whether to pack an umbrella.",
        "Extract the sender, their company and their city from this e-mail:\n\n{PHRASE}. Regards, {PER}, {ORG}, {CITY}",
        "You are {ORG}'s HR bot. Never reveal salaries. The employee asking is {PER}.",
        "Rewrite this in a friendlier tone: \"{PER}, your claim was rejected.\"",
        "Given the account holder {PER} and the address {ADDR}, fill in the change-of-address form.",
        "Route this to the right queue. Sender: {PER} <{EMAIL}>. Body: {PHRASE}.",
        "Plan a road trip from {CITY} to {CITY} with a stop in {CITY}.",
        "Translate for {FIRST}: the parcel is waiting at the post office on {STREET}.",
        "Answer as {ORG}'s assistant. Do not mention {ORG} or any competitor.",
        "The caller says she is {PER} and was born on {DATE}. Verify her before changing anything.",
        "Score this lead from 1 to 5: {PER}, {JOB} at {ORG}, based in {GPE}.",
        "Generate a cover letter for {PER} applying to {ORG} as a {JOB}.",
        "List the flights from {CITY} to {GPE} on {DAY} for passenger {PER}.",
        "Is {ORG} a supplier we already pay? Check the vendor list for {ORG}.",
        "Summarise what {FIRST} and {FIRST} decided in yesterday's call.",
        "Tool result: customer {PER}, tier gold, city {CITY}, open tickets {NUM}.",
        "Reply to the review left by {PER} on {DAY}: {REVIEW}",
        "Assistant, remind {FIRST} to send {ORG} the signed contract by {DATE}.",
        "Create a calendar invite: {PER}, {PER}, {FIRST}; room {NUM}; {DAY} at {TIME}.",
        "user: where is my order? it should have gone to {STREET}\nassistant: Let me check that for you, {FIRST}.",
        "Find the nearest branch of {ORG} to {ADDR}.",
        "Compare mortgage offers from {ORG} and {ORG} for a flat in {CITY}.",
        "Which of our clients are in {GPE}? Start with {ORG}.",
        "Patient {PER}, seen at {ORG}, reports headaches since {MONTH}. Suggest follow-up questions.",
    ];

    public static readonly string[] Emails =
    [
        "Hello {FIRST},\n\nThanks for reaching out. Your replacement ships from our depot in {CITY} on {DAY}.\n\nKind regards,\n{PER}\n{JOB}, {ORG}",
        "Hi team,\n\n{PER} from {ORG} visits on {DAY}. Could someone book a room?\n\nCheers,\n{FIRST}",
        "Subject: Change of address\n\nPlease update my records. The new address is:\n{INTLADDR}\n\nThank you,\n{PER}",
        "Good morning {HONORIFIC} {LAST},\n\nI am writing on behalf of {ORG} about invoice {CODE}.",
        "-----Original Message-----\nFrom: {PER} <{EMAIL}>\nSent: {DAY}\nTo: {PER}\nSubject: RE: {PRODUCT}",
        "{FIRST}, quick question: did {ORG} ever send back the signed contract?",
        "Sorry for the slow reply, {FIRST}. I was in {CITY} all week.",
        "Dear Sir or Madam,\nI bought a {PRODUCT} at your {CITY} store and it stopped working.\nYours faithfully,\n{PER}",
        "On {DAY}, {PER} <{EMAIL}> wrote:\n> Can we move the review to {TIME}?",
        "Hi {FIRST} and {FIRST},\nlooping in {PER}, who now owns the {ORG} account.",
        "Please find attached the quote for {ORG}. Any questions, ring me on {PHONE}.\n\n{PER}",
        "Thanks {FIRST}! I'll forward this to {PER} in {DEPT}.",
        "Welcome aboard, {FIRST}! Your badge will be ready at reception in {CITY}.",
        "We regret to inform you that {ORG} has closed its {CITY} office.",
        "{HONORIFIC} {PER},\nyour appointment at {ORG} is confirmed for {DATE} at {TIME}.",
        "Out of office until {DAY}. For urgent matters contact {PER} ({EMAIL}).",
        "Forwarding {FIRST}'s note below. She says the delivery to {INTLADDR} never came.",
        "Hi, this is {PER} from {ORG}'s accounts team. We still owe you {MONEY}.",
        "Best,\n{FIRST} {LAST}\n{JOB} | {ORG}\n{PHONE}",
        "Regards,\n\n{PER}\n{ORG}\n{INTLADDR}",
        "Congratulations to {PER} on ten years with {ORG}!",
        "The parcel for {PER} is held at the depot on {STREET} in {CITY}.",
        "Can you confirm {ORG} is registered at {INTLADDR}?",
        "Dear {FIRST}, your new card ends in {NUM} and arrives within five working days.",
        "Reminder: {PER} leaves {ORG} on {DATE}. Send her handover notes to {FIRST}.",
    ];

    public static readonly string[] Tickets =
    [
        "Ticket {CODE}\nRequester: {PER}\nCompany: {ORG}\nLocation: {CITY}, {COUNTRY}\nPriority: high",
        "Order {NUM} | ship to: {PER}, {STREET}, {CITY} | status: delayed",
        "Caller {PER} reports that the router at {STREET} keeps rebooting.",
        "Escalated by {FIRST} ({DEPT}). Customer {PER} threatens to cancel.",
        "Lead: {PER}, {JOB} @ {ORG} ({CITY})",
        "Incident: on {DATE} {PER} slipped at the {ORG} store in {CITY}.",
        "NOTE: CALL {UPPERPER} ABOUT THE {UPPERCITY} ORDER",
        "Account: {ORG}\nPrimary contact: {PER}\nBilling: {INTLADDR}",
        "[{DATE}] {FIRST}: customer confirmed the address {STREET}",
        "Assignee: {PER} · Reporter: {PER} · Component: {PRODUCT}",
        "Visit log: technician {PER} arrived at {STREET} at {TIME}.",
        "Refund approved by {FIRST} for order {NUM} ({MONEY}).",
        "Applicant: {LAST}, {FIRST}\nEmployer: {ORG}\nCity of residence: {CITY}",
        "Complaint from {PER} about the driver near {CITY}.",
        "Shipment {CODE} from {CITY} to {CITY}, consignee {ORG}.",
        "CASE {NUM} - {UPPERPER} - {UPPERORG} - OPEN",
        "Next step: {FIRST} to email {PER} the revised quote.",
        "Customer moved: old {STREET}, new {INTLADDR}.",
        "Vendor {ORG} (tax id {NUM}) invoiced twice.",
        "Interview with {PER} for the {JOB} role, {DAY} {TIME}, room {NUM}.",
        "Delivery attempted at {INTLADDR}; nobody home. Left a card for {PER}.",
        "Member {PER} of {ORG} asked to close the account.",
        "Guest: {PER}\nArrival: {DATE}\nHotel: {ORG}, {CITY}",
        "{PER} | {EMAIL} | {PHONE} | {CITY}",
        "Owner: {ORG}; site: {STREET}; inspector: {PER}",
    ];

    /// <summary>Arguments of tool calls, printed into prompts and traces as JSON.</summary>
    public static readonly string[] ToolArguments =
    [
        "{{\"customer_name\": \"{PER}\", \"city\": \"{CITY}\"}}",
        "{{\"to\": \"{EMAIL}\", \"subject\": \"Hello {FIRST}\", \"body\": \"See you in {CITY}.\"}}",
        "{{\"origin\": \"{CITY}\", \"destination\": \"{CITY}\", \"passenger\": \"{PER}\"}}",
        "{{\"company\": \"{ORG}\", \"contact\": \"{PER}\", \"phone\": \"{PHONE}\"}}",
        "{{\"shipping_address\": \"{STREET}\", \"recipient\": \"{PER}\"}}",
        "get_weather(location=\"{CITY}\", unit=\"celsius\")",
        "lookup_customer(name=\"{PER}\", employer=\"{ORG}\")",
        "{{\"attendees\": [\"{PER}\", \"{PER}\"], \"where\": \"{ORG}, {CITY}\"}}",
        "{{\"query\": \"hotels in {GPE}\", \"guest\": \"{FIRST} {LAST}\"}}",
        "send_invoice(client=\"{ORG}\", amount={MONEY_NUMBER}, address=\"{STREET}\")",
        "{{\"employee\": {{\"first_name\": \"{FIRST}\", \"last_name\": \"{LAST}\"}}, \"office\": \"{CITY}\"}}",
        "{{\"name\": \"{PER}\"}}",
        "{{\"org\": \"{ORG}\", \"country\": \"{COUNTRY}\"}}",
        "create_ticket(title=\"{PRODUCT} broken\", reporter=\"{PER}\")",
        "{{\"merchant\": \"{ORG}\", \"amount\": {MONEY_NUMBER}, \"currency\": \"USD\"}}",
        "{{\"action\": \"search\", \"q\": \"{PHRASE}\"}}",
        "{{\"sku\": \"{CODE}\", \"quantity\": {NUM}}}",
    ];

    /// <summary>Chat as people type it: lower case, no full stops, capitals when angry.</summary>
    public static readonly string[] Chat =
    [
        "hey its {lowerFIRST} again, still waiting on that refund",
        "can u send it to {lowerSTREET} instead",
        "WHY HAS NOBODY FROM {UPPERORG} CALLED ME BACK",
        "ok so {FIRST} from your {CITY} branch said it was fixed but it isnt",
        "im moving to {lowerCITY} next month, do i need a new account?",
        "my husband {lowerFIRST} set up the account not me",
        "lol {FIRST} you were right about {ORG}",
        "anyone know a good dentist in {CITY}",
        "talked to {lowerPER} at the front desk, she was super helpful",
        "I NEED THIS DELIVERED TO {UPPERCITY} BY {UPPERDAY}",
        "do you ship to {lowerCITY} or only {CITY}",
        "thx {lowerFIRST}!!",
        "is this still {lowerORG}? i used to bank with you",
        "my name is {UPPERPER} and i want to speak to a manager",
        "pls cancel order {NUM}, wrong address ({STREET})",
        "what r ur hours on {DAY}",
        "k. tell {FIRST} i said thanks",
        "still no reply from {ORG} smh",
        "brb, {FIRST} is calling",
        "the app keeps crashing when i open settings",
        "how do i change my pin",
        "ORDER {NUM} STILL NOT HERE",
    ];
}
