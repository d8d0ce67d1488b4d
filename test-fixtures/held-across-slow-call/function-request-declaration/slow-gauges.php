<?php
// Included by dashboard.php: fetches the gauge from a remote service.
function show_gauge()
{
    echo file_get_contents('https://metrics.example.com/gauge');
}
