namespace SlmPlatform.Scrubbing.Recognizers;

/// <summary>
/// Places that Bogus's locale data lacks: its English locale makes cities up from patterns ("Port Jessica") rather
/// than listing real ones, so the largest cities of the world and of the US are listed here by hand.
/// </summary>
internal static class PlaceNames
{
    public static readonly string[] Cities =
    [
        "New York", "New York City", "Los Angeles", "Chicago", "Houston", "Phoenix", "Philadelphia", "San Antonio",
        "San Diego", "Dallas", "San Jose", "Austin", "Jacksonville", "Fort Worth", "Columbus", "Charlotte",
        "San Francisco", "Indianapolis", "Seattle", "Denver", "Washington", "Boston", "El Paso", "Nashville", "Detroit",
        "Oklahoma City", "Portland", "Las Vegas", "Memphis", "Louisville", "Baltimore", "Milwaukee", "Albuquerque",
        "Tucson", "Fresno", "Sacramento", "Kansas City", "Mesa", "Atlanta", "Omaha", "Colorado Springs", "Raleigh",
        "Miami", "Long Beach", "Virginia Beach", "Oakland", "Minneapolis", "Tulsa", "Tampa", "Arlington", "New Orleans",
        "Wichita", "Cleveland", "Bakersfield", "Aurora", "Anaheim", "Honolulu", "Santa Ana", "Riverside",
        "Corpus Christi", "Lexington", "Stockton", "Henderson", "Saint Paul", "St. Louis", "Cincinnati", "Pittsburgh",
        "Greensboro", "Anchorage", "Plano", "Lincoln", "Orlando", "Irvine", "Newark", "Toledo", "Durham", "Chula Vista",
        "Fort Wayne", "Jersey City", "St. Petersburg", "Laredo", "Madison", "Chandler", "Buffalo", "Lubbock",
        "Scottsdale", "Reno", "Glendale", "Gilbert", "Winston-Salem", "North Las Vegas", "Norfolk", "Chesapeake",
        "Garland", "Irving", "Hialeah", "Fremont", "Boise", "Richmond", "Baton Rouge", "Spokane", "Des Moines",
        "Salt Lake City", "Birmingham", "Rochester", "Providence", "Hartford", "Albany", "Savannah", "Charleston",
        "Berkeley", "Palo Alto", "Mountain View", "Cambridge", "Princeton", "Ann Arbor", "Boulder", "Santa Fe",
        "Toronto", "Montreal", "Vancouver", "Calgary", "Ottawa", "Edmonton", "Winnipeg", "Quebec City", "Halifax",
        "Mexico City", "Guadalajara", "Monterrey", "Havana", "Bogota", "Bogotá", "Lima", "Santiago", "Buenos Aires",
        "Sao Paulo", "São Paulo", "Rio de Janeiro", "Brasilia", "Brasília", "Caracas", "Quito", "Montevideo",
        "London", "Manchester", "Liverpool", "Leeds", "Glasgow", "Edinburgh", "Bristol", "Oxford", "Dublin", "Belfast",
        "Cardiff", "Paris", "Marseille", "Lyon", "Toulouse", "Nice", "Bordeaux", "Lille", "Strasbourg", "Brussels",
        "Antwerp", "Amsterdam", "Rotterdam", "The Hague", "Utrecht", "Berlin", "Hamburg", "Munich", "München", "Cologne",
        "Köln", "Frankfurt", "Stuttgart", "Düsseldorf", "Dortmund", "Leipzig", "Dresden", "Vienna", "Wien", "Zurich",
        "Zürich", "Geneva", "Genève", "Basel", "Bern", "Madrid", "Barcelona", "Valencia", "Seville", "Sevilla", "Bilbao",
        "Lisbon", "Lisboa", "Porto", "Rome", "Roma", "Milan", "Milano", "Naples", "Napoli", "Turin", "Torino",
        "Florence", "Firenze", "Venice", "Venezia", "Bologna", "Athens", "Copenhagen", "Stockholm", "Oslo", "Helsinki",
        "Reykjavik", "Warsaw", "Krakow", "Kraków", "Prague", "Praha", "Budapest", "Bucharest", "Sofia", "Belgrade",
        "Zagreb", "Ljubljana", "Bratislava", "Vilnius", "Riga", "Tallinn", "Kyiv", "Kiev", "Moscow", "Minsk",
        "Istanbul", "Ankara", "Tel Aviv", "Jerusalem", "Beirut", "Amman", "Dubai", "Abu Dhabi", "Doha", "Riyadh",
        "Tehran", "Baghdad", "Cairo", "Alexandria", "Casablanca", "Tunis", "Algiers", "Lagos", "Abuja", "Accra",
        "Nairobi", "Addis Ababa", "Johannesburg", "Cape Town", "Durban", "Pretoria", "Kinshasa", "Dakar",
        "Mumbai", "Delhi", "New Delhi", "Bangalore", "Bengaluru", "Chennai", "Kolkata", "Hyderabad", "Pune", "Karachi",
        "Lahore", "Islamabad", "Dhaka", "Kathmandu", "Colombo", "Beijing", "Shanghai", "Shenzhen", "Guangzhou",
        "Hong Kong", "Taipei", "Tokyo", "Osaka", "Kyoto", "Yokohama", "Seoul", "Busan", "Singapore", "Kuala Lumpur",
        "Jakarta", "Bangkok", "Manila", "Hanoi", "Ho Chi Minh City", "Sydney", "Melbourne", "Brisbane", "Perth",
        "Adelaide", "Canberra", "Auckland", "Wellington",
    ];

    public static readonly string[] Countries =
    [
        "USA", "U.S.A.", "US", "U.S.", "United States", "United States of America", "America", "UK", "U.K.",
        "United Kingdom", "Great Britain", "Britain", "England", "Scotland", "Wales", "Northern Ireland", "UAE",
        "Deutschland", "España", "Italia", "Nederland", "Sverige", "Norge", "Danmark", "Suomi", "Polska", "Schweiz",
        "Suisse", "Österreich", "Brasil", "México", "Perú", "Türkiye", "Czechia", "Holland", "Korea", "South Korea",
        "North Korea", "Russia", "Vietnam", "Iran", "Syria", "Laos", "Bolivia", "Venezuela", "Tanzania", "Ivory Coast",
    ];

    public static readonly string[] StateAbbreviations =
    [
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA",
        "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR",
        "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "PR", "GU", "VI", "ON", "QC", "BC",
        "AB", "MB", "SK", "NS", "NB", "NL", "PE", "NSW", "VIC", "QLD", "WA", "SA", "TAS", "ACT", "NT",
    ];

    public static readonly string[] StreetAbbreviations =
    [
        "St", "Str", "Ave", "Av", "Rd", "Blvd", "Dr", "Ln", "Ct", "Pl", "Ter", "Terr", "Cir", "Hwy", "Pkwy", "Sq", "Trl",
        "Way", "Aly", "Cres", "Expy", "Fwy", "Plz", "Pt", "Xing", "Row", "Walk", "Close", "Mews", "Gardens", "Grove",
    ];
}
