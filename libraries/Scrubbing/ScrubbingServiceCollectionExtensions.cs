using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SlmPlatform.Scrubbing.Recognizers;

namespace SlmPlatform.Scrubbing;

public static class ScrubbingServiceCollectionExtensions
{
    /// <summary>
    /// Registers the built-in recognizers, the typed-placeholder operator, <see cref="TextScrubber"/>,
    /// <see cref="JsonScrubber"/> and the <see cref="ScrubPolicy"/> bound to the <c>Scrubbing</c> configuration section
    /// (<see cref="ScrubbingOptions"/>) as singletons.
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
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRecognizer, NationalPhoneNumberRecognizer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRecognizer, CreditCardRecognizer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRecognizer, IbanRecognizer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRecognizer, UsSsnRecognizer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRecognizer, IpAddressRecognizer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRecognizer, CredentialRecognizer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRecognizer, SecretRecognizer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRecognizer, MacAddressRecognizer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRecognizer, CryptoWalletRecognizer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRecognizer, HealthAndIdentityRecognizer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRecognizer, PersonRecognizer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRecognizer, LocationRecognizer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRecognizer, StreetAddressRecognizer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRecognizer, IntersectionRecognizer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRecognizer, OrganizationRecognizer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRecognizer, NameTaggerRecognizer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRecognizer, ContextualTaggerRecognizer>(
            provider =>
            {
                var options = provider.GetRequiredService<IOptions<ScrubbingOptions>>().Value;
                return new ContextualTaggerRecognizer(options.ContextualTagger, options.ContextualModel);
            }));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRecognizer, LabelledFieldRecognizer>());
        // Bound where the host has configuration; without it (a bare ServiceCollection) the defaults hold.
        services.AddOptions<ScrubbingOptions>().Configure<IServiceProvider>((options, provider) =>
            provider.GetService<IConfiguration>()?.GetSection(ScrubbingOptions.SectionName).Bind(options));
        services.TryAddSingleton<ScrubPolicy>();
        services.TryAddSingleton<IReplacementOperator, TypedPlaceholderOperator>();
        services.TryAddSingleton<TextScrubber>();
        services.TryAddSingleton<JsonScrubber>();
        return services;
    }
}
