<?php
// jpgraph's ImgStreamCache (daloRADIUS): the shipped constant decides a small method's
// boolean (`IsValid()`), and the caller streams the cached file only when that method says
// true. With the cache shipped off the transfer runs only where an installation turned it on:
// info, naming the setting.
class ImageCache
{
    private $dir = '/var/cache/app/';

    public function IsValid(string $file): bool
    {
        $file = $this->dir . $file;
        if (USE_CACHE && file_exists($file)) {
            return true;
        } else {
            return false;
        }
    }

    public function GetAndStream(string $file): bool
    {
        if ($this->Isvalid($file)) {
            return $this->StreamFile($file);
        }
        return false;
    }

    private function StreamFile(string $file): bool
    {
        $fh = fopen($file, 'rb');
        fpassthru($fh);
        fclose($fh);
        return true;
    }
}
