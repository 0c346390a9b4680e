# bash completion for ucinder                      -*- shell-script -*-
# Generated from the command tree by `ucinder completion bash` (npm run completions); do not edit.
# Install: source <(ucinder completion bash), or copy to /etc/bash_completion.d/ucinder

declare -gA _ucinder_commands=(
  ['ucinder']='volume type service completion init-connect connect disconnect term-connect connector connection help'
  ['ucinder volume']='create list show delete set unset migrate type service snapshot host help'
  ['ucinder volume type']='create list show delete set unset help'
  ['ucinder volume service']='list set remove help'
  ['ucinder volume snapshot']='create list show set delete help'
  ['ucinder volume host']='set help'
  ['ucinder type']='create list show delete set unset help'
  ['ucinder service']='list set remove help'
  ['ucinder completion']='bash zsh help'
  ['ucinder connector']='show help'
  ['ucinder connection']='list show help'
)
declare -gA _ucinder_aliases=(
)
declare -gA _ucinder_options=(
  ['ucinder']='-h --help'
  ['ucinder volume']='-h --help'
  ['ucinder volume create']='--size --type --image --snapshot --source --availability-zone --description --property --bootable --non-bootable --wait --wait-timeout -f --format -c --column --noindent --prefix -h --help'
  ['ucinder volume list']='--long --all-projects --name --status --limit --marker -f --format -c --column --noindent --sort-column --sort-ascending --sort-descending --quote --print-empty -h --help'
  ['ucinder volume show']='--all-projects -f --format -c --column --noindent --prefix -h --help'
  ['ucinder volume delete']='--force --cascade --wait --wait-timeout --concurrency -h --help'
  ['ucinder volume set']='--name --description --property --size --type --retype-policy --state --attached --detached --bootable --non-bootable --read-only --read-write --all-projects --wait --wait-timeout -h --help'
  ['ucinder volume unset']='--property --all-projects -h --help'
  ['ucinder volume migrate']='--host --force-host-copy --lock-volume --all-projects --wait --wait-timeout -h --help'
  ['ucinder volume type']='-h --help'
  ['ucinder volume type create']='--property --public --private --description -f --format -c --column --noindent --prefix -h --help'
  ['ucinder volume type list']='--long --default -f --format -c --column --noindent --sort-column --sort-ascending --sort-descending --quote --print-empty -h --help'
  ['ucinder volume type show']='-f --format -c --column --noindent --prefix -h --help'
  ['ucinder volume type delete']='-h --help'
  ['ucinder volume type set']='--name --description --property --public --private --project -h --help'
  ['ucinder volume type unset']='--property --project -h --help'
  ['ucinder volume type help']=''
  ['ucinder volume service']='-h --help'
  ['ucinder volume service list']='--host --service --long -f --format -c --column --noindent --sort-column --sort-ascending --sort-descending --quote --print-empty -h --help'
  ['ucinder volume service set']='--enable --disable --disable-reason -h --help'
  ['ucinder volume service remove']='--runner --manage-command --yes --no-api-check --dry-run -f --format -c --column --noindent --prefix -h --help'
  ['ucinder volume service help']=''
  ['ucinder volume snapshot']='-h --help'
  ['ucinder volume snapshot create']='--volume --force --description --property --wait --wait-timeout -f --format -c --column --noindent --prefix -h --help'
  ['ucinder volume snapshot list']='--long --all-projects --volume --name --status --limit --marker -f --format -c --column --noindent --sort-column --sort-ascending --sort-descending --quote --print-empty -h --help'
  ['ucinder volume snapshot show']='--all-projects -f --format -c --column --noindent --prefix -h --help'
  ['ucinder volume snapshot set']='--name --description --property --state --all-projects -h --help'
  ['ucinder volume snapshot delete']='--force --all-projects --concurrency --wait --wait-timeout -h --help'
  ['ucinder volume snapshot help']=''
  ['ucinder volume host']='-h --help'
  ['ucinder volume host set']='--disable --enable -h --help'
  ['ucinder volume host help']=''
  ['ucinder volume help']=''
  ['ucinder type']='-h --help'
  ['ucinder type create']='--property --public --private --description -f --format -c --column --noindent --prefix -h --help'
  ['ucinder type list']='--long --default -f --format -c --column --noindent --sort-column --sort-ascending --sort-descending --quote --print-empty -h --help'
  ['ucinder type show']='-f --format -c --column --noindent --prefix -h --help'
  ['ucinder type delete']='-h --help'
  ['ucinder type set']='--name --description --property --public --private --project -h --help'
  ['ucinder type unset']='--property --project -h --help'
  ['ucinder type help']=''
  ['ucinder service']='-h --help'
  ['ucinder service list']='--host --service --long -f --format -c --column --noindent --sort-column --sort-ascending --sort-descending --quote --print-empty -h --help'
  ['ucinder service set']='--enable --disable --disable-reason -h --help'
  ['ucinder service remove']='--runner --manage-command --yes --no-api-check --dry-run -f --format -c --column --noindent --prefix -h --help'
  ['ucinder service help']=''
  ['ucinder completion']='-h --help'
  ['ucinder completion bash']='-h --help'
  ['ucinder completion zsh']='-h --help'
  ['ucinder completion help']=''
  ['ucinder init-connect']='-n --name --ip --host --initiator --nqn --multipath --show-secrets --state-dir --attachments-api -f --format -c --column --noindent --prefix -h --help'
  ['ucinder connect']='-n --name --dry-run --device-timeout --show-secrets --state-dir --attach -f --format -c --column --noindent --prefix -h --help'
  ['ucinder disconnect']='-n --name --dry-run --device-timeout --show-secrets --state-dir -f --format -c --column --noindent --prefix -h --help'
  ['ucinder term-connect']='-n --name --state-dir --force -h --help'
  ['ucinder connector']='-h --help'
  ['ucinder connector show']='--ip --host --initiator --nqn --multipath -f --format -c --column --noindent --prefix -h --help'
  ['ucinder connector help']=''
  ['ucinder connection']='-h --help'
  ['ucinder connection list']='--state-dir -f --format -c --column --noindent --sort-column --sort-ascending --sort-descending --quote --print-empty -h --help'
  ['ucinder connection show']='--show-secrets --state-dir -f --format -c --column --noindent --prefix -h --help'
  ['ucinder connection help']=''
  ['ucinder help']='-h --help'
)
declare -g _ucinder_global_options='--version --os-auth-type --os-endpoint --os-token --os-user-id --os-project-id --os-volume-api-version --os-cacert --insecure --timeout --no-cache --debug'
declare -gA _ucinder_values=(
  ['.|--os-auth-type']='choices:noauth,admin_token,token_endpoint'
  ['.|--os-endpoint']='none'
  ['.|--os-token']='none'
  ['.|--os-user-id']='none'
  ['.|--os-project-id']='none'
  ['.|--os-volume-api-version']='none'
  ['.|--os-cacert']='files'
  ['.|--timeout']='none'
  ['ucinder volume create|--size']='none'
  ['ucinder volume create|--type']='names:type'
  ['ucinder volume create|--image']='none'
  ['ucinder volume create|--snapshot']='names:snapshot'
  ['ucinder volume create|--source']='names:volume'
  ['ucinder volume create|--availability-zone']='none'
  ['ucinder volume create|--description']='none'
  ['ucinder volume create|--property']='none'
  ['ucinder volume create|--wait-timeout']='none'
  ['ucinder volume create|-f']='choices:table,json,yaml,value,shell'
  ['ucinder volume create|--format']='choices:table,json,yaml,value,shell'
  ['ucinder volume create|-c']='none'
  ['ucinder volume create|--column']='none'
  ['ucinder volume create|--prefix']='none'
  ['ucinder volume list|--name']='none'
  ['ucinder volume list|--status']='none'
  ['ucinder volume list|--limit']='none'
  ['ucinder volume list|--marker']='none'
  ['ucinder volume list|-f']='choices:table,json,yaml,value,csv'
  ['ucinder volume list|--format']='choices:table,json,yaml,value,csv'
  ['ucinder volume list|-c']='none'
  ['ucinder volume list|--column']='none'
  ['ucinder volume list|--sort-column']='none'
  ['ucinder volume list|--quote']='choices:all,minimal,none,nonnumeric'
  ['ucinder volume show|-f']='choices:table,json,yaml,value,shell'
  ['ucinder volume show|--format']='choices:table,json,yaml,value,shell'
  ['ucinder volume show|-c']='none'
  ['ucinder volume show|--column']='none'
  ['ucinder volume show|--prefix']='none'
  ['ucinder volume delete|--wait-timeout']='none'
  ['ucinder volume delete|--concurrency']='none'
  ['ucinder volume set|--name']='none'
  ['ucinder volume set|--description']='none'
  ['ucinder volume set|--property']='none'
  ['ucinder volume set|--size']='none'
  ['ucinder volume set|--type']='names:type'
  ['ucinder volume set|--retype-policy']='choices:never,on-demand'
  ['ucinder volume set|--state']='choices:available,error,creating,deleting,in-use,attaching,detaching,error_deleting,maintenance'
  ['ucinder volume set|--wait-timeout']='none'
  ['ucinder volume unset|--property']='none'
  ['ucinder volume migrate|--host']='names:host'
  ['ucinder volume migrate|--wait-timeout']='none'
  ['ucinder volume type create|--property']='none'
  ['ucinder volume type create|--description']='none'
  ['ucinder volume type create|-f']='choices:table,json,yaml,value,shell'
  ['ucinder volume type create|--format']='choices:table,json,yaml,value,shell'
  ['ucinder volume type create|-c']='none'
  ['ucinder volume type create|--column']='none'
  ['ucinder volume type create|--prefix']='none'
  ['ucinder volume type list|-f']='choices:table,json,yaml,value,csv'
  ['ucinder volume type list|--format']='choices:table,json,yaml,value,csv'
  ['ucinder volume type list|-c']='none'
  ['ucinder volume type list|--column']='none'
  ['ucinder volume type list|--sort-column']='none'
  ['ucinder volume type list|--quote']='choices:all,minimal,none,nonnumeric'
  ['ucinder volume type show|-f']='choices:table,json,yaml,value,shell'
  ['ucinder volume type show|--format']='choices:table,json,yaml,value,shell'
  ['ucinder volume type show|-c']='none'
  ['ucinder volume type show|--column']='none'
  ['ucinder volume type show|--prefix']='none'
  ['ucinder volume type set|--name']='none'
  ['ucinder volume type set|--description']='none'
  ['ucinder volume type set|--property']='none'
  ['ucinder volume type set|--project']='none'
  ['ucinder volume type unset|--property']='none'
  ['ucinder volume type unset|--project']='none'
  ['ucinder volume service list|--host']='names:host'
  ['ucinder volume service list|--service']='names:service'
  ['ucinder volume service list|-f']='choices:table,json,yaml,value,csv'
  ['ucinder volume service list|--format']='choices:table,json,yaml,value,csv'
  ['ucinder volume service list|-c']='none'
  ['ucinder volume service list|--column']='none'
  ['ucinder volume service list|--sort-column']='none'
  ['ucinder volume service list|--quote']='choices:all,minimal,none,nonnumeric'
  ['ucinder volume service set|--disable-reason']='none'
  ['ucinder volume service remove|--runner']='none'
  ['ucinder volume service remove|--manage-command']='none'
  ['ucinder volume service remove|-f']='choices:table,json,yaml,value,shell'
  ['ucinder volume service remove|--format']='choices:table,json,yaml,value,shell'
  ['ucinder volume service remove|-c']='none'
  ['ucinder volume service remove|--column']='none'
  ['ucinder volume service remove|--prefix']='none'
  ['ucinder volume snapshot create|--volume']='names:volume'
  ['ucinder volume snapshot create|--description']='none'
  ['ucinder volume snapshot create|--property']='none'
  ['ucinder volume snapshot create|--wait-timeout']='none'
  ['ucinder volume snapshot create|-f']='choices:table,json,yaml,value,shell'
  ['ucinder volume snapshot create|--format']='choices:table,json,yaml,value,shell'
  ['ucinder volume snapshot create|-c']='none'
  ['ucinder volume snapshot create|--column']='none'
  ['ucinder volume snapshot create|--prefix']='none'
  ['ucinder volume snapshot list|--volume']='names:volume'
  ['ucinder volume snapshot list|--name']='none'
  ['ucinder volume snapshot list|--status']='choices:creating,available,deleting,error,error_deleting,backing-up,restoring,unmanaging'
  ['ucinder volume snapshot list|--limit']='none'
  ['ucinder volume snapshot list|--marker']='none'
  ['ucinder volume snapshot list|-f']='choices:table,json,yaml,value,csv'
  ['ucinder volume snapshot list|--format']='choices:table,json,yaml,value,csv'
  ['ucinder volume snapshot list|-c']='none'
  ['ucinder volume snapshot list|--column']='none'
  ['ucinder volume snapshot list|--sort-column']='none'
  ['ucinder volume snapshot list|--quote']='choices:all,minimal,none,nonnumeric'
  ['ucinder volume snapshot show|-f']='choices:table,json,yaml,value,shell'
  ['ucinder volume snapshot show|--format']='choices:table,json,yaml,value,shell'
  ['ucinder volume snapshot show|-c']='none'
  ['ucinder volume snapshot show|--column']='none'
  ['ucinder volume snapshot show|--prefix']='none'
  ['ucinder volume snapshot set|--name']='none'
  ['ucinder volume snapshot set|--description']='none'
  ['ucinder volume snapshot set|--property']='none'
  ['ucinder volume snapshot set|--state']='choices:available,error,creating,deleting,error_deleting'
  ['ucinder volume snapshot delete|--concurrency']='none'
  ['ucinder volume snapshot delete|--wait-timeout']='none'
  ['ucinder type create|--property']='none'
  ['ucinder type create|--description']='none'
  ['ucinder type create|-f']='choices:table,json,yaml,value,shell'
  ['ucinder type create|--format']='choices:table,json,yaml,value,shell'
  ['ucinder type create|-c']='none'
  ['ucinder type create|--column']='none'
  ['ucinder type create|--prefix']='none'
  ['ucinder type list|-f']='choices:table,json,yaml,value,csv'
  ['ucinder type list|--format']='choices:table,json,yaml,value,csv'
  ['ucinder type list|-c']='none'
  ['ucinder type list|--column']='none'
  ['ucinder type list|--sort-column']='none'
  ['ucinder type list|--quote']='choices:all,minimal,none,nonnumeric'
  ['ucinder type show|-f']='choices:table,json,yaml,value,shell'
  ['ucinder type show|--format']='choices:table,json,yaml,value,shell'
  ['ucinder type show|-c']='none'
  ['ucinder type show|--column']='none'
  ['ucinder type show|--prefix']='none'
  ['ucinder type set|--name']='none'
  ['ucinder type set|--description']='none'
  ['ucinder type set|--property']='none'
  ['ucinder type set|--project']='none'
  ['ucinder type unset|--property']='none'
  ['ucinder type unset|--project']='none'
  ['ucinder service list|--host']='names:host'
  ['ucinder service list|--service']='names:service'
  ['ucinder service list|-f']='choices:table,json,yaml,value,csv'
  ['ucinder service list|--format']='choices:table,json,yaml,value,csv'
  ['ucinder service list|-c']='none'
  ['ucinder service list|--column']='none'
  ['ucinder service list|--sort-column']='none'
  ['ucinder service list|--quote']='choices:all,minimal,none,nonnumeric'
  ['ucinder service set|--disable-reason']='none'
  ['ucinder service remove|--runner']='none'
  ['ucinder service remove|--manage-command']='none'
  ['ucinder service remove|-f']='choices:table,json,yaml,value,shell'
  ['ucinder service remove|--format']='choices:table,json,yaml,value,shell'
  ['ucinder service remove|-c']='none'
  ['ucinder service remove|--column']='none'
  ['ucinder service remove|--prefix']='none'
  ['ucinder init-connect|-n']='names:volume'
  ['ucinder init-connect|--name']='names:volume'
  ['ucinder init-connect|--ip']='none'
  ['ucinder init-connect|--host']='none'
  ['ucinder init-connect|--initiator']='none'
  ['ucinder init-connect|--nqn']='none'
  ['ucinder init-connect|--state-dir']='none'
  ['ucinder init-connect|-f']='choices:table,json,yaml,value,shell'
  ['ucinder init-connect|--format']='choices:table,json,yaml,value,shell'
  ['ucinder init-connect|-c']='none'
  ['ucinder init-connect|--column']='none'
  ['ucinder init-connect|--prefix']='none'
  ['ucinder connect|-n']='names:volume'
  ['ucinder connect|--name']='names:volume'
  ['ucinder connect|--device-timeout']='none'
  ['ucinder connect|--state-dir']='none'
  ['ucinder connect|-f']='choices:table,json,yaml,value,shell'
  ['ucinder connect|--format']='choices:table,json,yaml,value,shell'
  ['ucinder connect|-c']='none'
  ['ucinder connect|--column']='none'
  ['ucinder connect|--prefix']='none'
  ['ucinder disconnect|-n']='names:volume'
  ['ucinder disconnect|--name']='names:volume'
  ['ucinder disconnect|--device-timeout']='none'
  ['ucinder disconnect|--state-dir']='none'
  ['ucinder disconnect|-f']='choices:table,json,yaml,value,shell'
  ['ucinder disconnect|--format']='choices:table,json,yaml,value,shell'
  ['ucinder disconnect|-c']='none'
  ['ucinder disconnect|--column']='none'
  ['ucinder disconnect|--prefix']='none'
  ['ucinder term-connect|-n']='names:volume'
  ['ucinder term-connect|--name']='names:volume'
  ['ucinder term-connect|--state-dir']='none'
  ['ucinder connector show|--ip']='none'
  ['ucinder connector show|--host']='none'
  ['ucinder connector show|--initiator']='none'
  ['ucinder connector show|--nqn']='none'
  ['ucinder connector show|-f']='choices:table,json,yaml,value,shell'
  ['ucinder connector show|--format']='choices:table,json,yaml,value,shell'
  ['ucinder connector show|-c']='none'
  ['ucinder connector show|--column']='none'
  ['ucinder connector show|--prefix']='none'
  ['ucinder connection list|--state-dir']='none'
  ['ucinder connection list|-f']='choices:table,json,yaml,value,csv'
  ['ucinder connection list|--format']='choices:table,json,yaml,value,csv'
  ['ucinder connection list|-c']='none'
  ['ucinder connection list|--column']='none'
  ['ucinder connection list|--sort-column']='none'
  ['ucinder connection list|--quote']='choices:all,minimal,none,nonnumeric'
  ['ucinder connection show|--state-dir']='none'
  ['ucinder connection show|-f']='choices:table,json,yaml,value,shell'
  ['ucinder connection show|--format']='choices:table,json,yaml,value,shell'
  ['ucinder connection show|-c']='none'
  ['ucinder connection show|--column']='none'
  ['ucinder connection show|--prefix']='none'
)
declare -gA _ucinder_args=(
  ['ucinder volume create']='none'
  ['ucinder volume show']='names:volume'
  ['ucinder volume delete']='names:volume...'
  ['ucinder volume set']='names:volume'
  ['ucinder volume unset']='names:volume'
  ['ucinder volume migrate']='names:volume'
  ['ucinder volume type create']='none'
  ['ucinder volume type show']='names:type'
  ['ucinder volume type delete']='names:type...'
  ['ucinder volume type set']='names:type'
  ['ucinder volume type unset']='names:type'
  ['ucinder volume type help']='none'
  ['ucinder volume service set']='names:host names:service'
  ['ucinder volume service remove']='names:service names:host'
  ['ucinder volume service help']='none'
  ['ucinder volume snapshot create']='none'
  ['ucinder volume snapshot show']='names:snapshot'
  ['ucinder volume snapshot set']='names:snapshot'
  ['ucinder volume snapshot delete']='names:snapshot...'
  ['ucinder volume snapshot help']='none'
  ['ucinder volume host set']='names:host'
  ['ucinder volume host help']='none'
  ['ucinder volume help']='none'
  ['ucinder type create']='none'
  ['ucinder type show']='names:type'
  ['ucinder type delete']='names:type...'
  ['ucinder type set']='names:type'
  ['ucinder type unset']='names:type'
  ['ucinder type help']='none'
  ['ucinder service set']='names:host names:service'
  ['ucinder service remove']='names:service names:host'
  ['ucinder service help']='none'
  ['ucinder completion help']='none'
  ['ucinder init-connect']='names:volume'
  ['ucinder connect']='names:volume'
  ['ucinder disconnect']='names:volume'
  ['ucinder term-connect']='names:volume'
  ['ucinder connector help']='none'
  ['ucinder connection show']='names:volume'
  ['ucinder connection help']='none'
  ['ucinder help']='none...'
)

# Sets _ucinder_spec to the value completion of option $2 under command path $1
# ('' for a flag without a value) and _ucinder_is_global to 1 for global options.
_ucinder_option_spec() {
  _ucinder_spec='' _ucinder_is_global=0
  if [[ -n ${_ucinder_values["$1|$2"]+set} ]]; then
    _ucinder_spec=${_ucinder_values["$1|$2"]}
  elif [[ -n ${_ucinder_values[".|$2"]+set} ]]; then
    _ucinder_spec=${_ucinder_values[".|$2"]} _ucinder_is_global=1
  elif [[ " $_ucinder_global_options " == *" $2 "* ]]; then
    _ucinder_is_global=1
  fi
}

# Adds to COMPREPLY the values for spec $1 that start with $2, each prefixed with $3.
_ucinder_complete_value() {
  local spec=$1 cur=$2 prefix=$3 candidate program
  local -a candidates=()
  case $spec in
    choices:*) IFS=',' read -r -a candidates <<< "${spec#choices:}" ;;
    names:*)
      program=${COMP_WORDS[0]}
      [[ $program == '~/'* ]] && program=$HOME/${program#'~/'}
      mapfile -t candidates < <("$program" "${globals[@]}" completion names "${spec#names:}" 2>/dev/null)
      ;;
    files)
      compopt -o filenames 2>/dev/null
      mapfile -t candidates < <(compgen -f -- "$cur")
      ;;
  esac
  for candidate in "${candidates[@]}"; do
    [[ -n $candidate && $candidate == "$cur"* ]] || continue
    # Names may hold spaces or quotes: insert them escaped.
    [[ $spec == names:* && $candidate == *[^A-Za-z0-9_.@+/:,=-]* ]] && printf -v candidate '%q' "$candidate"
    COMPREPLY+=("$prefix$candidate")
  done
}

_ucinder() {
  local cur=${COMP_WORDS[COMP_CWORD]} cmdpath=ucinder word next spec sub npos=0 i=1
  local -a globals=() specs=()
  COMPREPLY=()
  # Walk the words before the cursor: descend into subcommands, skip option
  # values, count positionals, and keep global options for 'completion names'.
  while (( i < COMP_CWORD )); do
    word=${COMP_WORDS[i]}
    if [[ $word == -?* ]]; then
      _ucinder_option_spec "$cmdpath" "${word%%=*}"
      if [[ $word != *=* && -n $_ucinder_spec ]]; then
        # bash splits '--format=json' into '--format' '=' 'json'.
        if [[ ${COMP_WORDS[i+1]-} == '=' ]]; then next=$((i + 2)); else next=$((i + 1)); fi
        if (( next >= COMP_CWORD )); then
          [[ $cur == '=' ]] && cur=''
          _ucinder_complete_value "$_ucinder_spec" "$cur" ''
          return 0
        fi
        (( _ucinder_is_global )) && globals+=("$word" "${COMP_WORDS[next]}")
        i=$next
      elif (( _ucinder_is_global )); then
        globals+=("$word")
      fi
    elif (( npos == 0 )) && [[ -n ${_ucinder_commands["$cmdpath"]+set} ]]; then
      sub=${_ucinder_aliases["$cmdpath|$word"]-$word}
      if [[ " ${_ucinder_commands["$cmdpath"]} " == *" $sub "* ]]; then
        cmdpath="$cmdpath $sub"
      else
        npos=1
      fi
    else
      npos=$((npos + 1))
    fi
    i=$((i + 1))
  done

  if [[ $cur == -?*=* ]]; then
    _ucinder_option_spec "$cmdpath" "${cur%%=*}"
    [[ -n $_ucinder_spec ]] && _ucinder_complete_value "$_ucinder_spec" "${cur#*=}" "${cur%%=*}="
    return 0
  fi
  if [[ $cur == -* ]]; then
    mapfile -t COMPREPLY < <(compgen -W "${_ucinder_options["$cmdpath"]-} $_ucinder_global_options" -- "$cur")
    return 0
  fi
  if (( npos == 0 )) && [[ -n ${_ucinder_commands["$cmdpath"]+set} ]]; then
    mapfile -t COMPREPLY < <(compgen -W "${_ucinder_commands["$cmdpath"]}" -- "$cur")
    return 0
  fi
  read -r -a specs <<< "${_ucinder_args["$cmdpath"]-}"
  (( ${#specs[@]} )) || return 0
  if (( npos < ${#specs[@]} )); then
    spec=${specs[npos]}
  else
    spec=${specs[${#specs[@]} - 1]}
    [[ $spec == *... ]] || return 0
  fi
  _ucinder_complete_value "${spec%...}" "$cur" ''
  return 0
}

complete -F _ucinder ucinder
