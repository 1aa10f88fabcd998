namespace SlmPlatform.Scrubbing.UnitTests.Recognizers;

public sealed class LabelledFieldRecognizerTests
{
    private readonly LabelledFieldRecognizer _recognizer = new();

    [Theory]
    [InlineData("""{"customer_name": "Wenzel Okonkwo-Brandt", "tier": "gold"}""", "PERSON", "Wenzel Okonkwo-Brandt")]
    [InlineData("""{"passengerName":"Ilka Mørch"}""", "PERSON", "Ilka Mørch")]
    [InlineData("""get_forecast(location="Kirkenes", days=3)""", "LOCATION", "Kirkenes")]
    [InlineData("""lookup(employer='Brightwater Mills & Sons')""", "ORGANIZATION", "Brightwater Mills & Sons")]
    [InlineData("Applicant: Dorota Wnuk\nCity of residence: Zagórzyce\n", "LOCATION", "Zagórzyce")]
    [InlineData("Employer: Quillfeather Analytics", "ORGANIZATION", "Quillfeather Analytics")]
    [InlineData("""{"shipping_address": "Rua das Flores 88, 4050-262 Porto"}""", "STREET_ADDRESS", "Rua das Flores 88, 4050-262 Porto")]
    [InlineData("Place of birth: Tórshavn", "LOCATION", "Tórshavn")]
    public void A_value_is_typed_by_its_label(string text, string type, string value)
    {
        var match = Assert.Single(_recognizer.Recognize(text), m => text.Substring(m.Start, m.Length) == value);

        Assert.Equal(type, match.EntityType);
    }

    [Theory]
    [InlineData("""{"file_name": "Quarterly Report"}""")]
    [InlineData("""{"name": "get_weather", "arguments": "{}"}""")]
    [InlineData("""{"product_name": "Blue Kettle"}""")]
    [InlineData("Subject: Change of plans")]
    [InlineData("Date of birth: 04/11/1987")]
    [InlineData("user: where is my parcel?\nassistant: Let me check.")]
    [InlineData("Priority: High")]
    [InlineData("""{"customer_name": "call me back after 5pm, thanks"}""")]
    [InlineData("""{"city": "https://maps.example.org/x"}""")]
    [InlineData("From: Ilka Mørch")]
    public void Labels_of_other_things_and_values_of_the_wrong_shape_are_left_alone(string text)
    {
        Assert.Empty(_recognizer.Found(text));
    }

    [Theory]
    [InlineData("customer_name", "PERSON")]
    [InlineData("contactFullName", "PERSON")]
    [InlineData("Billing Address", "STREET_ADDRESS")]
    [InlineData("company_name", "ORGANIZATION")]
    [InlineData("destination_city", "LOCATION")]
    [InlineData("origin", "LOCATION")]
    [InlineData("event_location", null)]
    [InlineData("model", null)]
    [InlineData("to", null)]
    public void Labels_are_read_word_by_word(string label, string? type)
    {
        Assert.Equal(type, FieldLabels.Classify(label));
    }
}
