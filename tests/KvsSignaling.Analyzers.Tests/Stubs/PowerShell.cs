// The member shapes of System.Management.Automation.PowerShell used to host commands from C#.
using System;

namespace System.Management.Automation
{
    public sealed class PowerShell : IDisposable
    {
        public static PowerShell Create() => new PowerShell();
        public PowerShell AddCommand(string cmdlet) => this;
        public PowerShell AddCommand(string cmdlet, bool useLocalScope) => this;
        public PowerShell AddParameter(string parameterName) => this;
        public PowerShell AddParameter(string parameterName, object value) => this;
        public PowerShell AddArgument(object value) => this;
        public PowerShell AddStatement() => this;
        public PowerShell AddScript(string script) => this;
        public void Dispose() { }
    }
}
