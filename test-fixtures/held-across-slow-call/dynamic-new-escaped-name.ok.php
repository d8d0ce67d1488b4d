<?php
// The same factory over `"App\\Cache\\Store" . $type`: one backslash each, so the candidates are the cache stores
// only (neither starts the session), not the session class next to them. Nothing is open at the remote call.
namespace App\Cache;

class StoreFiles
{
    public function __construct()
    {
        $this->dir = sys_get_temp_dir();
    }

    public $dir;
}

class StoreNone
{
}

class Session
{
    public function __construct()
    {
        session_start();
    }
}

function make_store(string $type)
{
    $class = "App\\Cache\\Store" . ucfirst($type);
    return new $class;
}

make_store($_GET['type'] ?? 'files');
$rates = file_get_contents('https://rates.example.com/today');
echo $rates;
