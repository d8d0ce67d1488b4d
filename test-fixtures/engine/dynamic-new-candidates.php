<?php
// `new $class()` over the project's classes whose names fit a literal start: the state after it
// is the join of what every candidate's constructor leaves. A candidate without a constructor
// does nothing, so it keeps the state before the call: next to one that starts the session,
// the session may be open after the call (before, such a candidate left the call with no
// candidates at all, and the others' opens were lost).

class Store_Files
{
    public function __construct()
    {
        session_start();
    }
}

class Store_Factory
{
}

function make_store(string $type)
{
    $class = 'Store_' . ucfirst($type);
    $store = new $class();
    probe(); // @state: maybe-open
    return $store;
}

// Every candidate without a constructor: nothing runs, the state stays as it was.
class Plain_A
{
}

class Plain_B
{
}

function make_plain(string $type)
{
    $class = 'Plain_' . $type;
    $plain = new $class();
    probe(); // @state: closed
    return $plain;
}

// One candidate only: its constructor runs.
class Only_Files
{
    public function __construct()
    {
        session_start();
    }
}

function make_only(string $type)
{
    $class = 'Only_' . $type;
    $only = new $class();
    probe(); // @state: open
    return $only;
}
