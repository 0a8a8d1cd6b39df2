#if NETSTANDARD2_0
namespace System.Runtime.CompilerServices;

// Lets netstandard2.0 compile init-only setters; the compiler recognises the type by name.
internal static class IsExternalInit
{
}
#endif
