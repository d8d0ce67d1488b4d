<?php
// CakePHP 2's core configuration: its presence tells the folder is a CakePHP 2 application.
Configure::write('Session', array('defaults' => 'php'));
