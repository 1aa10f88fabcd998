using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SlmPlatform.Scrubbing.Recognizers;

namespace SlmPlatform.Scrubbing;

public static class ScrubbingServiceCollectionExtensions
{
    /// <summary>
    /// Registers the built-in recognizers, the typed-placeholder operator, <see cref="TextScrubber"/> and
    /// <see cref="JsonScrubber"/> as singletons.
    /// </summary>
    /// <remarks>
    /// More recognizers can be added as further <see cref="IRecognizer"/> registrations; an
    /// <see cref="IReplacementOperator"/> registered before this call replaces the default one. Calling it twice
    /// registers nothing twice.
    /// </remarks>
    public static IServiceCollection AddScrubbing(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRecognizer, EmailRecognizer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRecognizer, PhoneNumberRecognizer>(_ => new PhoneNumberRecognizer()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRecognizer, ContextualPhoneNumberRecognizer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRecognizer, CreditCardRecognizer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRecognizer, IbanRecognizer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRecognizer, UsSsnRecognizer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRecognizer, IpAddressRecognizer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRecognizer, CredentialRecognizer>());
        services.TryAddSingleton<IReplacementOperator, TypedPlaceholderOperator>();
        services.TryAddSingleton<TextScrubber>();
        services.TryAddSingleton<JsonScrubber>();
        return services;
    }
}
