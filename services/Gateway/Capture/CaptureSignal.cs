using SlmPlatform.Messaging;

namespace SlmPlatform.Gateway.Capture;

/// <summary>Wakes the publisher when the spooler has written something.</summary>
public sealed class CaptureSignal : WakeSignal;
