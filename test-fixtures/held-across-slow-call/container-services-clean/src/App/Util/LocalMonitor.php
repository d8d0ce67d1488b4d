<?php
// What the `monitor` id names in this project: a check of local state only.
namespace App\Util;

class LocalMonitor
{
    public function run()
    {
        return is_dir('/var/run/app');
    }
}
