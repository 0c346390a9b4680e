# Drives zsh's real completion system for one command line and prints the
# candidates it offers, one per line. Usage:
#   zsh -f zsh-capture.zsh <dir holding _ucinder> '<command line to complete>'
# An interactive zsh runs in a pseudo-terminal (zsh/zpty) with compinit and the
# completion dir on $fpath; the line is typed followed by TAB. Inside it,
# compadd is wrapped to print every candidate that matched what was typed, and
# comppostfuncs ends the shell once the completion widget is done.
zmodload zsh/zpty || { print -u2 'zsh/zpty is not available'; exit 3 }
local completion_dir=$1 typed=$2 line
local init=${TMPDIR:-/tmp}/ucinder-zsh-capture.$$.zsh
cat > $init <<INIT
PS1='' PS2='' RPS1=''
fpath=(${(q)completion_dir} \$fpath)
# A dump beside the function: the first run writes it (seconds), later ones load it.
autoload -Uz compinit && compinit -u -d ${(q)completion_dir}/.zcompdump
zstyle ':completion:*' insert-tab false
bindkey '^I' complete-word
_capture_begin() { print -r -- '<<<BEGIN>>>' }
_capture_end() { print -r -- '<<<END>>>'; exit }
compprefuncs=(_capture_begin)
comppostfuncs=(_capture_end)
compadd() {
  # Calls that only filter into an array (-O/-A/-D) are completion internals.
  if (( \${@[(I)-[OAD]]} )); then builtin compadd "\$@"; return; fi
  local -a hits
  builtin compadd -O hits "\$@"
  (( \${#hits} )) && print -rl -- "\${hits[@]/#/HIT:}"
  return 0
}
print -r -- '<<<READY>>>'
INIT
zpty capture zsh -f -i
zpty -w capture "source ${(q)init}"
while zpty -r capture line; do [[ $line == *'<<<READY>>>'* && $line != *print* ]] && break; done
zpty -w -n capture "$typed"$'\t'
local collecting=0
while zpty -r capture line; do
  line=${line//[$'\r\n']/}
  if [[ $line == *'<<<BEGIN>>>'* ]]; then collecting=1; continue; fi
  [[ $line == *'<<<END>>>'* ]] && break
  (( collecting )) && [[ $line == HIT:* ]] && print -r -- ${line#HIT:}
done
zpty -d capture
rm -f $init
