import * as assert from 'node:assert/strict';
import { projectServices } from '../src/services/project-services';
import { xmlServiceDefinitions } from '../src/services/xml-definitions';
import { yamlServiceDefinitions } from '../src/services/yaml-definitions';

/** Reading a container's service definitions: what each format gives, and bad input giving nothing. */
describe('container service definitions', () => {
  it('reads XML services, parameters, aliases, factories and unshared services', () => {
    const xml = xmlServiceDefinitions(`<?xml version="1.0"?>
      <container xmlns="http://symfony.com/schema/dic/services">
        <parameters><parameter key="mailer.class">App\\Mailer</parameter></parameters>
        <services>
          <service id="mailer" class="%mailer.class%"><argument type="service"><service class="App\\Inline"/></argument></service>
          <service id="mail" alias="mailer"/>
          <service id="report" class="App\\Report" shared="false"/>
          <service id="clock" class="App\\Clock"><factory class="App\\ClockFactory" method="create"/></service>
        </services>
      </container>`);
    assert.ok(xml);
    const services = projectServices([xml]);
    assert.deepEqual(services.mailer, { className: 'app\\mailer', shared: true, constructed: true });
    assert.deepEqual(services.mail, services.mailer);
    assert.equal(services.report?.shared, false);
    assert.equal(services.clock?.constructed, false);
    assert.equal(Object.values(services).some((s) => s.className === 'app\\inline'), false);
  });

  it('reads YAML services with Symfony tags, aliases and class ids', () => {
    const yaml = yamlServiceDefinitions(`services:
  _defaults: { autowire: true }
  App\\:
    resource: '../src/*'
  App\\Feed\\Poller: ~
  poller: '@App\\Feed\\Poller'
  handlers:
    class: App\\Handlers
    arguments: [!tagged_iterator app.handler, !php/const App\\Handlers::MAX]
`);
    assert.ok(yaml);
    const services = projectServices([yaml]);
    assert.equal(services['App\\Feed\\Poller']?.className, 'app\\feed\\poller');
    assert.equal(services['app\\feed\\poller']?.className, 'app\\feed\\poller');
    assert.equal(services.poller?.className, 'app\\feed\\poller');
    assert.equal(services.handlers?.className, 'app\\handlers');
    assert.equal(services['App\\'], undefined);
  });

  it('leaves out an id two files define differently, and a class it cannot know', () => {
    const a = yamlServiceDefinitions('services:\n  cache: { class: App\\FileCache }\n  dyn: { class: "%env(CACHE)%" }\n')!;
    const b = yamlServiceDefinitions('services:\n  cache: { class: App\\RedisCache }\n')!;
    const services = projectServices([a, b]);
    assert.equal(services.cache, undefined);
    assert.equal(services.dyn, undefined);
  });

  it('keeps an id named like an object property as an id', () => {
    const xml = xmlServiceDefinitions('<container><services><service id="__proto__" class="App\\Proto"/><service id="constructor" class="App\\Ctor"/></services></container>')!;
    const services = projectServices([xml]);
    assert.equal(Object.hasOwn(services, '__proto__') ? services['__proto__']?.className : undefined, 'app\\proto');
    assert.equal(services['constructor']?.className, 'app\\ctor');
    assert.equal(Object.hasOwn(services, 'toString'), false);
    assert.equal(({} as Record<string, unknown>)['className'], undefined);
  });

  it('gives nothing for files that are not service definitions or do not parse, without throwing', () => {
    assert.equal(xmlServiceDefinitions('<project><services><service id="x" class="A"/></services></project>'), undefined);
    assert.equal(yamlServiceDefinitions('framework: { session: true }'), undefined);
    assert.equal(yamlServiceDefinitions('services: [unclosed'), undefined);
    assert.doesNotThrow(() => xmlServiceDefinitions('<container><services><service id="x" class="A"'));
    assert.doesNotThrow(() => xmlServiceDefinitions('\u0000<<<>>>&&&'));
    assert.doesNotThrow(() => yamlServiceDefinitions('\t- : : ]]'));
  });
});
