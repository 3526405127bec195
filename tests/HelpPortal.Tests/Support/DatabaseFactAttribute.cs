using Xunit.Abstractions;
using Xunit.Sdk;

namespace HelpPortal.Tests.Support;

/// <summary>
/// A fact of a test class that runs on both databases (an abstract class with one subclass per provider). In the
/// PostgreSQL subclass it is reported as skipped, with the reason, when no PostgreSQL server is configured.
/// </summary>
[XunitTestCaseDiscoverer("HelpPortal.Tests.Support.DatabaseFactDiscoverer", "HelpPortal.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class DatabaseFactAttribute : FactAttribute;

/// <summary>The theory counterpart of <see cref="DatabaseFactAttribute"/>.</summary>
[XunitTestCaseDiscoverer("HelpPortal.Tests.Support.DatabaseTheoryDiscoverer", "HelpPortal.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class DatabaseTheoryAttribute : TheoryAttribute;

public sealed class DatabaseFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
        => DatabaseSkip.For(DiagnosticMessageSink, discoveryOptions, testMethod) ?? base.Discover(discoveryOptions, testMethod, factAttribute);
}

public sealed class DatabaseTheoryDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute)
        => DatabaseSkip.For(DiagnosticMessageSink, discoveryOptions, testMethod) ?? base.Discover(discoveryOptions, testMethod, theoryAttribute);
}

internal static class DatabaseSkip
{
    /// <summary>One skipped case for the whole method when its class needs PostgreSQL and there is none; else null.</summary>
    public static IEnumerable<IXunitTestCase>? For(IMessageSink sink, ITestFrameworkDiscoveryOptions options, ITestMethod testMethod)
        => typeof(IRunsOnPostgres).IsAssignableFrom(testMethod.TestClass.Class.ToRuntimeType()) && TestPostgres.SkipReason is { } reason
            ? [new XunitSkippedDataRowTestCase(sink, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), testMethod, reason)]
            : null;
}
