<?php
abstract class Maintenance
{
    abstract public function execute();

    protected function output(string $text): void
    {
        echo $text;
    }
}
