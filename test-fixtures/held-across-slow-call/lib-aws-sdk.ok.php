<?php
// The AWS SDK, fixed, and near misses: presigning a URL, building an object URL or a command and
// starting an async upload do not talk to AWS, so they may run with the session open; the
// operations that do run after the close.
declare(strict_types=1);

namespace App\Storage;

use Aws\S3\S3Client;

final class DownloadController
{
    public function __construct(private S3Client $s3)
    {
    }

    public function link(): string
    {
        session_start();
        $key = (string) ($_SESSION['last_upload'] ?? '');
        $command = $this->s3->getCommand('GetObject', ['Bucket' => 'app-uploads', 'Key' => $key]);
        $signed = (string) $this->s3->createPresignedRequest($command, '+10 minutes')->getUri();
        $public = $this->s3->getObjectUrl('app-public', 'logo.png');
        $pending = $this->s3->putObjectAsync(['Bucket' => 'app-audit', 'Key' => 'links/' . $key, 'Body' => $signed]);
        $_SESSION['last_link'] = $signed;
        session_write_close();

        $pending->wait();
        $this->s3->headObject(['Bucket' => 'app-uploads', 'Key' => $key]);
        return $signed . ' ' . $public;
    }
}
