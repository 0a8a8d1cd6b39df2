# Descriptions of the parameters every KvsSignaling cmdlet has.
@{
    Parameters = @{
        Region       = 'The AWS region of the control plane, for example us-west-2. Without it the region comes from AWS_REGION, AWS_DEFAULT_REGION or the profile, as for the AWS CLI; Get-KvsSignalingChannelEndpoint uses the region in each channel ARN.'
        ProfileName  = 'The profile in the shared AWS config and credentials files (~/.aws/config, ~/.aws/credentials) to take the region and credentials from. Without it AWS_PROFILE or the default profile is used.'
        EndpointUrl  = 'An explicit control-plane URL instead of the regional endpoint, for example http://127.0.0.1:4566 for a local emulator. AWS_ENDPOINT_URL_KINESIS_VIDEO and AWS_ENDPOINT_URL are honoured too.'
        AccessKey    = 'The access key id. Needs -SecretKey. Without explicit credentials the AWS CLI chain is used: environment variables, the shared files, then container or instance credentials.'
        SecretKey    = 'The secret access key that goes with -AccessKey. It is never written to any stream.'
        SessionToken = 'The session token of temporary credentials, with -AccessKey and -SecretKey or with -Credential. It is never written to any stream.'
        MaxRequestsPerSecond = 'The most requests per second the client sends for each operation, so that a long run stays under the service quota (300 per second per account for GetSignalingChannelEndpoint) instead of being throttled and retrying. Without it requests are not paced.'
        Credential   = 'Credentials as a PSCredential: the user name is the access key id and the password is the secret access key, so Get-Credential or a secret vault can supply them.'
    }
}
