<?php
// The same shape on a constant the configuration ships true: the shipped value makes
// `IsValid()` depend on the file only, so the transfer stays a warning.
class ThumbCache
{
    public function IsValid(string $file): bool
    {
        if (USE_THUMBNAILS && file_exists($file)) {
            return true;
        }
        return false;
    }

    public function GetAndStream(string $file): bool
    {
        if ($this->IsValid($file)) {
            $fh = fopen($file, 'rb');
            fpassthru($fh);
            return true;
        }
        return false;
    }
}
