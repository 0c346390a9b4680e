"""Every long flag of every openstack block-storage command, from openstack's
own argparse parsers: each command class is loaded from its entry point
(openstack.volume.v3 and openstack.common) and asked for its parser, as
openstack builds it. Prints {"volume create": [["--size"], ...], ...} as JSON;
a flag with several long spellings is one list."""
import json
import sys
from importlib.metadata import entry_points

commands = {}
for group in ('openstack.volume.v3', 'openstack.common'):
    for entry in entry_points().select(group=group):
        name = entry.name.replace('_', ' ')
        parser = entry.load()(None, None, cmd_name=name).get_parser('openstack ' + name)
        flags = []
        for action in parser._actions:
            spellings = [option for option in action.option_strings if option.startswith('--')]
            if spellings and spellings != ['--help']:
                flags.append(spellings)
        commands[name] = flags
json.dump(commands, sys.stdout)
