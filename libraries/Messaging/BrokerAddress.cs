namespace SlmPlatform.Messaging;

/// <summary>The parts of an <c>amqp://</c> connection string that MassTransit's host configuration takes.</summary>
public sealed record BrokerAddress(string Host, ushort Port, string VirtualHost, string Username, string Password)
{
    private const ushort DefaultAmqpPort = 5672;

    public static BrokerAddress Parse(string connectionString)
    {
        if (!Uri.TryCreate(connectionString, UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "amqps" or "rabbitmq"))
        {
            throw new FormatException("The messaging connection string must be an amqp:// URI.");
        }

        var credentials = uri.UserInfo.Split(':', 2);
        var username = Uri.UnescapeDataString(credentials[0]);
        var password = credentials.Length > 1 ? Uri.UnescapeDataString(credentials[1]) : string.Empty;
        var virtualHost = uri.AbsolutePath.Trim('/') is { Length: > 0 } path ? Uri.UnescapeDataString(path) : "/";
        var port = uri.IsDefaultPort || uri.Port < 0 ? DefaultAmqpPort : (ushort)uri.Port;

        return new BrokerAddress(uri.Host, port, virtualHost, username.Length > 0 ? username : "guest", password);
    }
}
