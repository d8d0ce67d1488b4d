<?php
// A page that calls a remote service.
file_get_contents('https://api.example.com/rates');
