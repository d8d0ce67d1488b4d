<?php

return ['adminEmail' => 'admin@example.org'];
