/**
 * One entry of a project's service definitions, as written (Symfony's XML or YAML): the id,
 * and either the class it builds or the id it is an alias of.
 */
export interface ServiceDefinition {
  readonly id: string;
  /** The class as written (`App\Mailer`, `%mailer.class%`); absent: the id is the class name. */
  readonly className?: string;
  /** Another service's id: this id hands out that service. */
  readonly alias?: string;
  /** `shared="false"` (or Symfony 2's `scope="prototype"`): a new object on every call. */
  readonly shared: boolean;
  /** Built by a factory, not by `new`: its constructor is not what runs. */
  readonly factory: boolean;
}

/** What one definitions file says: its services and its literal parameters (`%name%`). */
export interface ServiceDefinitions {
  readonly services: readonly ServiceDefinition[];
  readonly parameters: ReadonlyMap<string, string>;
}
