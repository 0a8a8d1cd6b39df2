# Descriptions of the parameters every KvsSignaling cmdlet has.
@{
    Parameters = @{
        Region       = 'The AWS region of the control plane, for example us-west-2 (Tab completes the known regions). Cmdlets that take a channel ARN call the ARN''s own region unless -Region is given. Otherwise the region comes from $StoredAWSRegion (AWS Tools'' Set-DefaultAWSRegion), AWS_REGION, AWS_DEFAULT_REGION or the profile, as for AWS Tools and the AWS CLI.'
        ProfileName  = 'The profile in the shared AWS config and credentials files (~/.aws/config, ~/.aws/credentials) to take the region and credentials from: static keys, an assumed role, web identity, IAM Identity Center (SSO) or a credential process. Tab completes the profile names. Without it AWS_PROFILE or the default profile is used.'
        ProfileLocation = 'A credentials file to read -ProfileName from instead of the default shared files, as for AWS Tools.'
        EndpointUrl  = 'An explicit control-plane URL instead of the regional endpoint, for example http://127.0.0.1:4566 for a local emulator: an absolute http:// or https:// URL. AWS_ENDPOINT_URL_KINESIS_VIDEO and AWS_ENDPOINT_URL are honoured too. A region is still needed, to sign for.'
        AccessKey    = 'The access key id. Needs -SecretKey. Without explicit credentials, $StoredAWSCredentials (AWS Tools'' Set-AWSCredential) is used, then the AWS CLI chain: environment variables, the shared files, web identity, then container or instance credentials.'
        SecretKey    = 'The secret access key that goes with -AccessKey. It is never written to any stream.'
        SessionToken = 'The session token of temporary credentials, with -AccessKey and -SecretKey or with a PSCredential in -Credential. It is never written to any stream.'
        MaxRequestsPerSecond = 'The most requests per second the client sends for each operation (0.1 to 100000), so that a long run stays under the service quota (300 per second per account for GetSignalingChannelEndpoint). Without it requests are paced only after the service throttles: retries are adaptive, slowing the session''s client to the rate the service accepts.'
        Credential   = 'Credentials as a PSCredential (the user name is the access key id and the password is the secret access key, so Get-Credential or a secret vault can supply them), or as an AWSCredentials object, including one from AWS Tools (Get-AWSCredential), which is read by its shape and asked for fresh keys on every request.'
        MaxAttempts  = 'Attempts per request, including the first (1 to 50). Without it AWS_MAX_ATTEMPTS, then the profile''s max_attempts, then 3. Throttling answers are retried beyond it, waiting for the adapted rate, for up to a minute (unless AWS_RETRY_MODE or the profile''s retry_mode is standard).'
        TimeoutSec   = 'How long one attempt may take, in seconds (1 to 3600; default 10). After five attempts in a row without an answer from the endpoint, further requests fail at once for five seconds instead of each waiting out its timeouts.'
    }
}
