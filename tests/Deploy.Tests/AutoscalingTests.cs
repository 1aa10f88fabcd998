using System.Reflection;
using k8s.Models;
using MassTransit;

namespace SlmPlatform.Deploy.Tests;

/// <summary>KEDA scales each worker on a queue that the worker itself consumes, with the broker's address from a secret.</summary>
public sealed class AutoscalingTests
{
    /// <summary>The AppHost's resource name of each worker, and an assembly of its consumer definitions.</summary>
    private static readonly Dictionary<string, Assembly> Workers = new()
    {
        ["calls"] = typeof(Scrubber.Consumers.CallCapturedConsumerDefinition).Assembly,
        ["tasks"] = typeof(TaskDiscovery.Consumers.CallScrubbedConsumerDefinition).Assembly,
        ["training"] = typeof(Training.Consumers.StartFineTuneConsumerDefinition).Assembly,
    };

    public static TheoryData<string> Overlays() => Kustomize.Overlays();

    [Theory]
    [MemberData(nameof(Overlays))]
    public void EveryWorker_IsScaledOnAQueueItConsumes(string overlay)
    {
        var rendered = Kustomize.Render(overlay);
        var scaled = rendered.OfKind<ScaledObject>().ToList();

        foreach (var (worker, assembly) in Workers)
        {
            var scaler = Assert.Single(scaled, s => s.Spec.ScaleTargetRef.Name == worker);
            Assert.Equal("Deployment", rendered.Workload(worker).Kind);
            var trigger = Assert.Single(scaler.Spec.Triggers);
            Assert.Equal("rabbitmq", trigger.Type);
            Assert.Contains(trigger.Metadata["queueName"], QueuesConsumedBy(assembly));
            Assert.True(scaler.Spec.MinReplicaCount >= 1, $"{worker} would scale to zero and stop serving its API.");
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Scalers_ReadTheBrokerFromTheServicesSecret(string overlay)
    {
        var rendered = Kustomize.Render(overlay);
        foreach (var trigger in rendered.OfKind<ScaledObject>().SelectMany(s => s.Spec.Triggers))
        {
            Assert.False(trigger.Metadata.ContainsKey("host"), "The broker's address (with its password) is written in a ScaledObject.");
            var authentication = Assert.Single(rendered.OfKind<TriggerAuthentication>(), a => a.Metadata.Name == trigger.AuthenticationRef?.Name);
            var host = Assert.Single(authentication.Spec.SecretTargetRef, t => t.Parameter == "host");
            var messaging = rendered.Workload("calls").Containers[0].Env.Single(e => e.Name == "ConnectionStrings__messaging");
            Assert.Equal(messaging.ValueFrom.SecretKeyRef.Name, host.Name);
            Assert.Equal(messaging.ValueFrom.SecretKeyRef.Key, host.Key);
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Edges_ScaleOnCpu(string overlay)
    {
        var rendered = Kustomize.Render(overlay);
        foreach (var edge in new[] { "gateway", "ingest" })
        {
            var autoscaler = Assert.Single(rendered.OfKind<V2HorizontalPodAutoscaler>(), h => h.Spec.ScaleTargetRef.Name == edge);
            Assert.Equal(rendered.Workload(edge).Kind, autoscaler.Spec.ScaleTargetRef.Kind);
            Assert.Contains(autoscaler.Spec.Metrics, m => m.Resource?.Name == "cpu");
        }
    }

    private static HashSet<string> QueuesConsumedBy(Assembly assembly)
    {
        var formatter = KebabCaseEndpointNameFormatter.Instance;
        var queues = new HashSet<string>(StringComparer.Ordinal);
        var definitions = assembly.GetTypes().Where(t =>
            !t.IsAbstract && !t.ContainsGenericParameters && t.GetConstructor(Type.EmptyTypes) is not null
            && (typeof(IConsumerDefinition).IsAssignableFrom(t) || typeof(ISagaDefinition).IsAssignableFrom(t)));
        foreach (var type in definitions)
        {
            switch (Activator.CreateInstance(type))
            {
                case IConsumerDefinition consumer:
                    queues.Add(consumer.GetEndpointName(formatter));
                    break;
                case ISagaDefinition saga:
                    queues.Add(saga.GetEndpointName(formatter));
                    break;
            }
        }

        return queues;
    }
}
