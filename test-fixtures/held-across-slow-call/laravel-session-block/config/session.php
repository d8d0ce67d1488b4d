<?php
// Laravel's session configuration: `'block' => true` makes every route lock the session for
// the whole request, as `->block()` does for one route.

return [
    'driver' => 'redis',
    'lifetime' => 120,
    'block' => true,
    'block_lock_seconds' => 10,
    'block_wait_seconds' => 10,
];
