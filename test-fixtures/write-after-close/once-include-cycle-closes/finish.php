<?php
declare(strict_types=1);

session_write_close();
