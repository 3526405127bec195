// Three folders that use each other round a loop (A -> B -> C -> A) and no two of them both ways: the shape a check of
// pairs misses. FolderDependencyTests reads them from this compiled assembly with the same code it reads the portal with.
#pragma warning disable CA1812, IDE0051

namespace HelpPortal.Tests.Architecture.CycleSample.A
{
    internal sealed class First
    {
        internal static int Next() => B.Second.Next();
    }
}

namespace HelpPortal.Tests.Architecture.CycleSample.B
{
    internal sealed class Second
    {
        internal static int Next() => C.Third.Next();
    }
}

namespace HelpPortal.Tests.Architecture.CycleSample.C
{
    internal static class Third
    {
        internal static int Next() => A.First.Next() + 1;
    }
}
