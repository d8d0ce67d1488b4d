<?php
// The AWS SDK under a native session lock: every service operation (`putObject()`,
// `sendMessage()`, …) is an HTTP request to AWS, whichever client class makes it.
declare(strict_types=1);

namespace App\Storage;

use Aws\S3\S3Client;
use Aws\Sdk;
use Aws\Sqs\SqsClient;

final class UploadController
{
    public function __construct(private S3Client $s3, private SqsClient $queue)
    {
    }

    public function store(string $tmpPath): void
    {
        session_start();
        $userId = (int) ($_SESSION['user_id'] ?? 0);
        $key = 'uploads/' . $userId . '/' . bin2hex(random_bytes(8));

        session_write_close();
        $this->s3->putObject(['Bucket' => 'app-uploads', 'Key' => $key, 'SourceFile' => $tmpPath]); // expect: held-across-slow-call "putObject"

        session_start();
        $_SESSION['last_upload'] = $key;
        session_write_close();
    }

    public function requestThumbnail(): void
    {
        session_start();
        $key = (string) ($_SESSION['last_upload'] ?? '');

        $this->queue->sendMessage(['QueueUrl' => 'https://sqs.eu-west-1.amazonaws.com/1/thumbs', 'MessageBody' => $key]); // expect: held-across-slow-call "sendMessage"

        $_SESSION['thumbnail_requested'] = true;
    }

    public function list(Sdk $sdk): array
    {
        session_start();
        $prefix = 'uploads/' . (int) ($_SESSION['user_id'] ?? 0) . '/';

        $s3 = $sdk->createS3(['region' => 'eu-west-1']);
        $result = $s3->listObjectsV2(['Bucket' => 'app-uploads', 'Prefix' => $prefix]); // expect: held-across-slow-call "listObjectsV2"

        $_SESSION['upload_count'] = count($result['Contents'] ?? []);
        return $result['Contents'] ?? [];
    }
}
